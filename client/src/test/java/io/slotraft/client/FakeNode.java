package io.slotraft.client;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandBatch;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.GetTopologyRequest;
import io.slotraft.proto.v1.ReplyBatch;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.StreamCommand;
import io.slotraft.proto.v1.StreamReply;
import io.slotraft.proto.v1.Topology;
import io.slotraft.proto.v1.TopologyServiceGrpc;
import io.slotraft.proto.v1.WatchTopologyRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An in-process gRPC server playing one node. It records every request and answers as scripted:
 * a function per command (batches apply it to each entry unless scripted apart), a gRPC failure, or
 * silence (a hung node). Its endpoint is a unique fake host:port that only {@link #channels} resolves.
 * Its topology service answers UNIMPLEMENTED, as a node without one would, until a topology is
 * {@link #publish published}; watchers then get each published topology.
 */
final class FakeNode implements AutoCloseable {
    private static final AtomicInteger ids = new AtomicInteger();

    private final Endpoint endpoint;
    private final Server server;
    private final List<CommandRequest> commands = new CopyOnWriteArrayList<>();
    private final List<BatchRequest> batches = new CopyOnWriteArrayList<>();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private volatile Function<CommandRequest, CommandResponse> answers = request -> Answers.error("ERR unscripted");
    private volatile Function<BatchRequest, BatchResponse> batchAnswers;
    private volatile Status failure;
    private volatile boolean silent;
    private volatile Topology topology;
    private final List<StreamObserver<Topology>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicInteger topologyRequests = new AtomicInteger();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final List<Integer> streamBatchSizes = new CopyOnWriteArrayList<>();
    private volatile boolean holdingStreamReplies;
    private final List<Runnable> heldStreamReplies = new CopyOnWriteArrayList<>();

    private FakeNode(String label) throws IOException {
        this.endpoint = new Endpoint(label + "-" + ids.incrementAndGet(), 7101);
        this.server = InProcessServerBuilder.forName(endpoint.toString()).directExecutor()
                .addService(new Service()).addService(new TopologyService()).build().start();
    }

    static FakeNode start(String label) throws IOException {
        return new FakeNode(label);
    }

    /** In-process channels: what a client whose seeds are fake nodes connects with. */
    static ManagedChannel channels(Endpoint endpoint) {
        return InProcessChannelBuilder.forName(endpoint.toString()).directExecutor().build();
    }

    static SlotraftClientBuilder clientOf(Duration commandTimeout, FakeNode... seeds) {
        SlotraftClientBuilder builder = SlotraftClient.builder().commandTimeout(commandTimeout)
                .channelFactory(FakeNode::channels);
        for (FakeNode seed : seeds) {
            builder.seeds(seed.endpoint().toString());
        }
        return builder;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    FakeNode answering(Function<CommandRequest, CommandResponse> script) {
        this.answers = script;
        this.failure = null;
        this.silent = false;
        return this;
    }

    FakeNode answeringBatches(Function<BatchRequest, BatchResponse> script) {
        this.batchAnswers = script;
        return this;
    }

    /** Fails every call with this status, as a node whose connection breaks mid-call looks to a client. */
    FakeNode failingWith(Status status) {
        this.failure = status;
        return this;
    }

    /** Never answers, as a paused (SIGSTOP) node looks to a client. */
    FakeNode hanging() {
        this.silent = true;
        return this;
    }

    /** Serves this topology from now on, and sends it to every open watch. */
    FakeNode publish(Topology next) {
        this.topology = next;
        watchers.forEach(watcher -> watcher.onNext(next));
        return this;
    }

    /** Ends every open watch, as a node shutting down does. */
    void endWatches() {
        watchers.forEach(watcher -> watcher.onError(Status.UNAVAILABLE.asRuntimeException()));
        watchers.clear();
    }

    int watcherCount() {
        return watchers.size();
    }

    /** Keeps the reply batches of streams until {@link #releaseStreamReplies()}. */
    FakeNode holdingStreamReplies() {
        holdingStreamReplies = true;
        return this;
    }

    /** Sends the held reply batches, on this thread (in-process calls run their callbacks in place). */
    void releaseStreamReplies() {
        holdingStreamReplies = false;
        heldStreamReplies.forEach(Runnable::run);
        heldStreamReplies.clear();
    }

    /** Stream calls opened by clients. */
    int streamsOpened() {
        return streamsOpened.get();
    }

    /** The number of commands in each batch that arrived on a stream, in order. */
    List<Integer> streamBatchSizes() {
        return new ArrayList<>(streamBatchSizes);
    }

    /** GetTopology calls answered. */
    int topologyRequests() {
        return topologyRequests.get();
    }

    /** Names of the single commands received, in order. */
    List<String> received() {
        return commands.stream().map(CommandRequest::getName).collect(Collectors.toList());
    }

    /** The single commands received, in order. */
    List<CommandRequest> requests() {
        return new ArrayList<>(commands);
    }

    List<BatchRequest> batches() {
        return new ArrayList<>(batches);
    }

    /** When each call (single or batch) arrived, System.nanoTime(). */
    List<Long> arrivals() {
        return new ArrayList<>(arrivalNanos);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private boolean answeredSpecially(StreamObserver<?> out) {
        arrivalNanos.add(System.nanoTime());
        if (silent) {
            return true;
        }
        if (failure != null) {
            out.onError(failure.asRuntimeException());
            return true;
        }
        return false;
    }

    private BatchResponse perEntry(BatchRequest request) {
        BatchResponse.Builder response = BatchResponse.newBuilder();
        request.getCommandsList().forEach(command -> response.addResponses(answers.apply(command)));
        return response.build();
    }

    private final class TopologyService extends TopologyServiceGrpc.TopologyServiceImplBase {
        @Override
        public void getTopology(GetTopologyRequest request, StreamObserver<Topology> out) {
            Topology current = topology;
            if (current == null) {
                out.onError(Status.UNIMPLEMENTED.asRuntimeException());
                return;
            }
            topologyRequests.incrementAndGet();
            out.onNext(current);
            out.onCompleted();
        }

        @Override
        public void watchTopology(WatchTopologyRequest request, StreamObserver<Topology> out) {
            Topology current = topology;
            if (current == null) {
                out.onError(Status.UNIMPLEMENTED.asRuntimeException());
                return;
            }
            ServerCallStreamObserver<Topology> stream = (ServerCallStreamObserver<Topology>) out;
            stream.setOnCancelHandler(() -> watchers.remove(out));
            watchers.add(out);
            out.onNext(current);
        }
    }

    private final class Service extends SlotraftClientGrpc.SlotraftClientImplBase {
        @Override
        public void execute(CommandRequest request, StreamObserver<CommandResponse> out) {
            commands.add(request);
            if (!answeredSpecially(out)) {
                out.onNext(answers.apply(request));
                out.onCompleted();
            }
        }

        /**
         * Each command of a stream is recorded and answered as a single one would be; a scripted
         * failure ends the whole stream, as a broken connection does, and silence answers nothing.
         */
        @Override
        public StreamObserver<CommandBatch> stream(StreamObserver<ReplyBatch> out) {
            streamsOpened.incrementAndGet();
            return new StreamObserver<>() {
                private boolean ended;

                @Override
                public void onNext(CommandBatch batch) {
                    streamBatchSizes.add(batch.getCommandsCount());
                    ReplyBatch.Builder replies = ReplyBatch.newBuilder();
                    for (StreamCommand command : batch.getCommandsList()) {
                        commands.add(command.getCommand());
                        arrivalNanos.add(System.nanoTime());
                        if (ended || silent) {
                            continue;
                        }
                        if (failure != null) {
                            ended = true;
                            out.onError(failure.asRuntimeException());
                            continue;
                        }
                        replies.addReplies(StreamReply.newBuilder().setId(command.getId())
                                .setResponse(answers.apply(command.getCommand())));
                    }
                    if (!ended && replies.getRepliesCount() > 0) {
                        ReplyBatch answer = replies.build();
                        if (holdingStreamReplies) {
                            heldStreamReplies.add(() -> out.onNext(answer));
                        } else {
                            out.onNext(answer);
                        }
                    }
                }

                @Override
                public void onError(Throwable error) {
                    ended = true;
                }

                @Override
                public void onCompleted() {
                    if (!ended) {
                        ended = true;
                        out.onCompleted();
                    }
                }
            };
        }

        @Override
        public void executeBatch(BatchRequest request, StreamObserver<BatchResponse> out) {
            batches.add(request);
            if (!answeredSpecially(out)) {
                Function<BatchRequest, BatchResponse> script = batchAnswers;
                out.onNext(script != null ? script.apply(request) : perEntry(request));
                out.onCompleted();
            }
        }
    }
}
