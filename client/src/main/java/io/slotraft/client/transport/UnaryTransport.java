package io.slotraft.client.transport;

import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.SlotraftClientGrpc.SlotraftClientStub;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One unary Execute call per attempt, with gRPC's own deadline. One stub per channel, reused. */
public final class UnaryTransport implements CommandTransport {
    private final ChannelPool channels;
    private final Map<Channel, SlotraftClientStub> stubs = new ConcurrentHashMap<>();

    public UnaryTransport(ChannelPool channels) {
        this.channels = channels;
    }

    @Override
    public void execute(Endpoint target, CommandRequest request, long timeoutNanos,
            StreamObserver<CommandResponse> answer) {
        stubs.computeIfAbsent(channels.channel(target), SlotraftClientGrpc::newStub)
                .withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS).execute(request, answer);
    }

    @Override
    public void close() {
        stubs.clear(); // the channels, and with them the calls, are closed by their pool
    }
}
