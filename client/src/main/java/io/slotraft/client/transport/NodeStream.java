package io.slotraft.client.transport;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.slotraft.client.retry.TransportFailure;
import io.slotraft.proto.v1.CommandBatch;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.ReplyBatch;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.StreamCommand;
import io.slotraft.proto.v1.StreamReply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One Stream call to one node, and the commands riding on it. Thread-safe.
 *
 * <p>Coalescing, with no timer: a command is queued, and whoever finds the stream idle sends
 * everything queued by then as one batch ({@link #drain}); commands queued meanwhile by other
 * threads leave in the next batch. A command sent from a reply's callback (the usual async loop),
 * on the thread handing out a batch of replies, only queues, and the whole lot goes when the batch
 * is done, as one batch. Should such a callback block waiting for what it sent (a misuse, but an
 * easy one), the transport's periodic sweep sends it ({@link #expire}), so the wait is short, not
 * a deadlock. Nothing is sent while gRPC says the stream is not ready, or while {@link #MAX_ON_WIRE}
 * commands await replies; the on-ready callback and each reply batch resume sending.
 *
 * <p>Failure: once the stream ends (the node went away, or the connection broke) every command is
 * failed: those sent with the stream's status (they may have run), those never sent as not sent.
 * The owner then opens a new stream for the next command.
 */
final class NodeStream implements ClientResponseObserver<CommandBatch, ReplyBatch> {
    /** Far below the node's own bound per stream, so its TryAgain for an overfull stream stays an accident. */
    static final int MAX_ON_WIRE = 2048;
    /** Commands per batch message: bounds the size of one message, not the wait for a full one. */
    static final int MAX_BATCH = 256;

    private final Consumer<NodeStream> onBroken;
    private final Map<Long, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Outstanding> unsent = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** The thread handing out a batch of replies, while it does; sends on it wait for the batch's end. */
    private volatile Thread deliveringReplies;
    private final AtomicInteger onWire = new AtomicInteger();
    private volatile ClientCallStreamObserver<CommandBatch> requests;
    private volatile boolean broken;

    /** @param onBroken told once, when the stream has ended and failed its commands */
    NodeStream(Channel channel, Consumer<NodeStream> onBroken) {
        this.onBroken = onBroken;
        SlotraftClientGrpc.newStub(channel).stream(this);
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<CommandBatch> requestStream) {
        this.requests = requestStream;
        requestStream.setOnReadyHandler(this::drain);
    }

    boolean isBroken() {
        return broken;
    }

    /** Queues one command; its answer (or failure) goes to {@code answer} by {@code deadlineNanos}. */
    void send(CommandRequest request, long deadlineNanos, StreamObserver<CommandResponse> answer) {
        Outstanding command = new Outstanding(ids.incrementAndGet(), request, deadlineNanos, answer);
        outstanding.put(command.id, command);
        unsent.add(command);
        if (broken) {
            // fail() may have swept the map before this command entered it: make sure it is answered.
            fail(Status.UNAVAILABLE.withDescription("the stream ended").asRuntimeException());
            return;
        }
        if (deliveringReplies != Thread.currentThread()) {
            drain();
        }
    }

    /**
     * The periodic sweep: fails the commands whose deadline has passed (as not sent if they never
     * left), and sends what a blocked reply callback left queued.
     */
    void expire(long nowNanos) {
        drain();
        for (Outstanding command : outstanding.values()) {
            if (nowNanos - command.deadlineNanos >= 0 && outstanding.remove(command.id, command)) {
                command.answer.onError(wasSent(command) ? Status.DEADLINE_EXCEEDED
                        .withDescription("no reply on the stream in time").asRuntimeException()
                        : TransportFailure.notSent("not sent in time: the stream was not ready"));
            }
        }
    }

    /** Ends the stream: its commands fail as the stream's end says. */
    void cancel(String why) {
        broken = true;
        requests.cancel(why, null);
    }

    @Override
    public void onNext(ReplyBatch batch) {
        deliveringReplies = Thread.currentThread();
        try {
            for (StreamReply reply : batch.getRepliesList()) {
                Outstanding command = outstanding.remove(reply.getId());
                if (command != null) {
                    onWire.decrementAndGet();
                    command.answer.onNext(reply.getResponse());
                    command.answer.onCompleted();
                }
            }
        } finally {
            deliveringReplies = null;
        }
        drain();
    }

    @Override
    public void onError(Throwable error) {
        fail(error);
    }

    @Override
    public void onCompleted() {
        fail(Status.UNAVAILABLE.withDescription("the node ended the stream").asRuntimeException());
    }

    /** Sends what is queued, as long as the stream takes it; one thread at a time sends. */
    private void drain() {
        while (!broken && draining.compareAndSet(false, true)) {
            try {
                sendQueued();
            } finally {
                draining.set(false);
            }
            // A command queued after the last poll, by a thread that found this one sending, is ours to send.
            if (unsent.isEmpty() || !mayWrite()) {
                return;
            }
        }
    }

    private void sendQueued() {
        while (mayWrite() && !unsent.isEmpty()) {
            CommandBatch.Builder batch = CommandBatch.newBuilder();
            for (Outstanding command; batch.getCommandsCount() < MAX_BATCH && onWire.get() < MAX_ON_WIRE
                    && (command = unsent.poll()) != null; ) {
                if (command.claimSent()) {
                    onWire.incrementAndGet();
                    batch.addCommands(StreamCommand.newBuilder().setId(command.id).setCommand(command.request));
                }
            }
            if (batch.getCommandsCount() > 0) {
                requests.onNext(batch.build());
            }
        }
    }

    private boolean mayWrite() {
        return !broken && requests.isReady() && onWire.get() < MAX_ON_WIRE;
    }

    private void fail(Throwable error) {
        boolean first = !broken;
        broken = true;
        for (Outstanding command : outstanding.values()) {
            if (outstanding.remove(command.id, command)) {
                command.answer.onError(wasSent(command) ? error
                        : TransportFailure.notSent("the stream to the node ended before the command was sent"));
            }
        }
        unsent.clear();
        if (first) {
            onBroken.accept(this);
        }
    }

    /**
     * For a command just taken out of {@link #outstanding} without a reply: whether it had been sent.
     * One that had not is marked so that it never will be: a command failed as not sent must not
     * run, or a retry elsewhere could make it run twice.
     */
    private boolean wasSent(Outstanding command) {
        if (command.state.compareAndSet(Outstanding.QUEUED, Outstanding.ABANDONED)) {
            return false;
        }
        onWire.decrementAndGet();
        return true;
    }

    /** A command not yet answered, and whether it has been handed to gRPC. */
    private static final class Outstanding {
        static final int QUEUED = 0;
        static final int SENT = 1;
        static final int ABANDONED = 2;

        final long id;
        final CommandRequest request;
        final long deadlineNanos;
        final StreamObserver<CommandResponse> answer;
        final AtomicInteger state = new AtomicInteger(QUEUED);

        Outstanding(long id, CommandRequest request, long deadlineNanos, StreamObserver<CommandResponse> answer) {
            this.id = id;
            this.request = request;
            this.deadlineNanos = deadlineNanos;
            this.answer = answer;
        }

        /** False when it was failed as not sent before it could be sent. */
        boolean claimSent() {
            return state.compareAndSet(QUEUED, SENT);
        }
    }
}
