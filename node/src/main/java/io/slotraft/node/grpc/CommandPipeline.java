package io.slotraft.node.grpc;

import com.google.protobuf.ByteString;
import io.grpc.SynchronizationContext;
import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.pipeline.ConnectionOrder;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.node.statemachine.ClientSequence;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.RequestSequence;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.StreamCommand;
import io.slotraft.proto.v1.StreamReply;
import io.slotraft.proto.v1.TryAgain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of one gRPC stream (or of one ExecuteBatch call) from arrival to reply: ordered by
 * the shared connection discipline ({@link ConnectionOrder}, one lane per slot), run through the
 * same dispatcher as Execute, answered in batches as they finish.
 *
 * <p>Threads: all state is touched inside {@link #serial}. Arriving batches run in it at once, on
 * the transport thread that delivered them (the handlers never block). A dispatcher future completes
 * on whatever thread finished it, often a shard's Raft apply thread: it only queues its outcome, and
 * the first of a burst hands one drain to {@code replyExecutor}, which encodes every reply queued by
 * then and sends them as one batch. So replies are never encoded on the apply thread, and the hop
 * costs one task per burst of completions rather than one per command. A command whose future is
 * already done when dispatched (a redirect, a cached reply) is answered in place, with no hop.
 *
 * <p>Bounds: at most {@code maxInHand} commands are held (waiting, running or answered and not yet
 * handed to gRPC); the excess of a batch is answered TryAgain at once. The next batch is read only
 * once there is room ({@link Output#readMore}), so a client that sends without reading meets
 * gRPC's flow control rather than growing this node's memory.
 */
final class CommandPipeline {
  private static final Logger log = LoggerFactory.getLogger(CommandPipeline.class);
  private static final Reply INTERNAL_ERROR = Replies.error("ERR internal error");

  /** Where replies go; called inside the pipeline's serial context only. */
  interface Output {
    /** Whether the transport takes more replies now without buffering them. */
    boolean isReady();

    void send(List<StreamReply> replies);

    /** There is room for another batch of requests: read one. */
    void readMore();
  }

  private final CommandDispatcher dispatcher;
  private final CommandKinds kinds;
  private final LongSupplier clock;
  private final LongSupplier epoch;
  private final Executor replyExecutor;
  private final int maxInHand;
  private final Output output;
  private final SynchronizationContext serial = new SynchronizationContext(
      (thread, error) -> log.error("a gRPC command stream failed", error));
  private final ConnectionOrder<Pending> order = new ConnectionOrder<>();
  private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private List<StreamReply> outbox = new ArrayList<>();
  /** Replies in {@link #outbox} that answer held commands (busy answers are not held). */
  private int outboxHeld;
  private int inHand;
  /** A batch was taken while full: the next is to be read once there is room again. */
  private boolean readWhenRoom;
  /** Run once every command in hand is answered, after the client said it sends no more. */
  private Runnable onDrained;
  private boolean closed;

  CommandPipeline(CommandDispatcher dispatcher, CommandKinds kinds, LongSupplier clock, LongSupplier epoch,
      Executor replyExecutor, int maxInHand, Output output) {
    this.dispatcher = dispatcher;
    this.kinds = kinds;
    this.clock = clock;
    this.epoch = epoch;
    this.replyExecutor = replyExecutor;
    this.maxInHand = maxInHand;
    this.output = output;
  }

  /** Takes a batch: each command starts now or once the commands it must follow have finished. */
  void accept(List<StreamCommand> batch) {
    serial.execute(() -> acceptNow(batch));
  }

  /** The transport can take replies again. */
  void onReady() {
    serial.execute(this::flush);
  }

  /** The stream is gone: nothing more is sent, answers still arriving are dropped. */
  void close() {
    serial.execute(() -> {
      closed = true;
      order.clear();
      outbox = new ArrayList<>();
      outboxHeld = 0;
    });
  }

  /** The client sends no more: {@code then} runs once every command in hand is answered. */
  void halfClose(Runnable then) {
    serial.execute(() -> {
      onDrained = then;
      flush();
      runIfDrained();
    });
  }

  private void acceptNow(List<StreamCommand> batch) {
    if (closed) {
      return;
    }
    // gRPC calls carry no connection state: each batch gets a fresh RESP2-like session, as ExecuteBatch does.
    ClientSession session = new ClientSession("grpc", "grpc", clock.getAsLong());
    for (StreamCommand command : batch) {
      if (inHand >= maxInHand) {
        outbox.add(reply(command.getId(), busy()));
        continue;
      }
      List<byte[]> argv = argv(command.getCommand());
      int lane = kinds.lane(argv);
      Pending pending = new Pending(command.getId(), command.getCommand(), argv, lane, session);
      inHand++;
      if (lane == CommandKinds.UNORDERED) {
        start(pending);
      } else {
        order.add(pending, kinds.isWrite(argv), lane);
      }
    }
    startWhatMayRun();
    flush();
    if (inHand < maxInHand) {
      output.readMore();
    } else {
      readWhenRoom = true;
    }
  }

  private void startWhatMayRun() {
    for (Pending next = order.next(); next != null; next = order.next()) {
      start(next);
    }
  }

  /** Dispatches one command; its answer is taken here if already there, else after one hop. */
  private void start(Pending next) {
    CompletableFuture<Reply> future = dispatch(next);
    if (future.isDone()) {
      finishedInOrder(next);
      Throwable error = future.isCompletedExceptionally() ? future.handle((reply, e) -> e).join() : null;
      answer(next, error == null ? future.join() : null, error);
      return;
    }
    future.whenComplete((reply, error) -> {
      finished.add(new Finished(next, reply, error));
      if (drainScheduled.compareAndSet(false, true)) {
        replyExecutor.execute(() -> serial.execute(this::drainFinished));
      }
    });
  }

  private void drainFinished() {
    drainScheduled.set(false);
    if (closed) {
      finished.clear();
      return;
    }
    for (Finished done = finished.poll(); done != null; done = finished.poll()) {
      finishedInOrder(done.command);
      answer(done.command, done.reply, done.error);
    }
    startWhatMayRun();
    flush();
  }

  private void finishedInOrder(Pending command) {
    if (command.lane != CommandKinds.UNORDERED) {
      order.finished(command.lane);
    }
  }

  private void answer(Pending command, Reply reply, Throwable error) {
    outbox.add(reply(command.id, checked(command, reply, error)));
    outboxHeld++;
  }

  private void flush() {
    if (closed || outbox.isEmpty() || !output.isReady()) {
      return;
    }
    List<StreamReply> sending = outbox;
    outbox = new ArrayList<>();
    inHand -= outboxHeld;
    outboxHeld = 0;
    output.send(sending);
    if (readWhenRoom && inHand < maxInHand) {
      readWhenRoom = false;
      output.readMore();
    }
    runIfDrained();
  }

  private void runIfDrained() {
    if (onDrained != null && inHand == 0 && !closed) {
      Runnable then = onDrained;
      onDrained = null;
      then.run();
    }
  }

  private CompletableFuture<Reply> dispatch(Pending command) {
    try {
      CompletableFuture<Reply> future = command.request.hasSequence()
          ? sequenced(command) : dispatcher.dispatch(command.session, command.argv);
      return future != null ? future : CompletableFuture.failedFuture(new NullPointerException("no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Reply> sequenced(Pending command) {
    RequestSequence sequence = command.request.getSequence();
    ClientSequence client;
    try {
      client = new ClientSequence(sequence.getClientId(), sequence.getSequence(), sequence.getFirstUnanswered());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(Replies.error("ERR invalid request sequence: " + e.getMessage()));
    }
    return dispatcher.dispatch(command.session, command.argv, client);
  }

  private Reply checked(Pending command, Reply reply, Throwable error) {
    if (error == null && reply != null) {
      return reply;
    }
    log.warn("'{}' failed on a gRPC stream; it is answered 'internal error'", command.request.getName(), error);
    return INTERNAL_ERROR;
  }

  private StreamReply reply(long id, Reply reply) {
    return reply(id, ReplyProtos.response(reply, epoch.getAsLong()));
  }

  private static StreamReply reply(long id, CommandResponse response) {
    return StreamReply.newBuilder().setId(id).setResponse(response).build();
  }

  private CommandResponse busy() {
    return CommandResponse.newBuilder().setRoutingError(RoutingError.newBuilder().setTryAgain(
        TryAgain.newBuilder().setSlot(-1).setReason("busy: " + maxInHand + " commands in hand on this stream").setEpoch(epoch.getAsLong()))).build();
  }

  static List<byte[]> argv(CommandRequest request) {
    List<byte[]> argv = new ArrayList<>(request.getArgsCount() + 1);
    argv.add(request.getName().getBytes(StandardCharsets.UTF_8));
    for (ByteString arg : request.getArgsList()) {
      argv.add(arg.toByteArray());
    }
    return argv;
  }

  private record Pending(long id, CommandRequest request, List<byte[]> argv, int lane, ClientSession session) {}

  private record Finished(Pending command, Reply reply, Throwable error) {}
}
