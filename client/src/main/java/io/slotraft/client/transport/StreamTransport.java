package io.slotraft.client.transport;

import io.grpc.stub.StreamObserver;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@link NodeStream} per node, opened by the first command for that node and again by the first
 * after it broke. Attempt deadlines are kept on the client's own timer: one sweep every
 * {@link #SWEEP_MILLIS} fails what is overdue, instead of a gRPC deadline (and timer task) per command.
 */
public final class StreamTransport implements CommandTransport {
    /** How late an attempt's deadline may be noticed; small against attempt timeouts of seconds. */
    static final long SWEEP_MILLIS = 20;

    private final ChannelPool channels;
    private final Map<Endpoint, NodeStream> streams = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweep;

    public StreamTransport(ChannelPool channels, ScheduledExecutorService timer) {
        this.channels = channels;
        this.sweep = timer.scheduleWithFixedDelay(this::expireOverdue, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Endpoint target, CommandRequest request, long timeoutNanos,
            StreamObserver<CommandResponse> answer) {
        streamTo(target).send(request, System.nanoTime() + timeoutNanos, answer);
    }

    @Override
    public void close() {
        sweep.cancel(false);
        streams.values().forEach(stream -> stream.cancel("the client is closed"));
        streams.clear();
    }

    private NodeStream streamTo(Endpoint target) {
        NodeStream stream = streams.get(target);
        if (stream != null && !stream.isBroken()) {
            return stream;
        }
        return open(target);
    }

    /** Rare (once per node, and after failures), so simply one at a time; not inside a map's compute, as a stream may end while it opens. */
    private synchronized NodeStream open(Endpoint target) {
        NodeStream current = streams.get(target);
        if (current != null && !current.isBroken()) {
            return current;
        }
        // Asking the pool each time lets it reconnect a channel that waits to (a node back after a restart).
        NodeStream fresh = new NodeStream(channels.channel(target), broken -> streams.remove(target, broken));
        streams.put(target, fresh);
        return fresh;
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        streams.values().forEach(stream -> stream.expire(now));
    }
}
