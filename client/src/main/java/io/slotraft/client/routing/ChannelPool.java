package io.slotraft.client.routing;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.client.SlotraftException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One gRPC channel per node, made on first use and kept: a channel multiplexes every concurrent
 * command to its node and reconnects by itself, so one per node is all a client needs.
 */
public final class ChannelPool implements AutoCloseable {
    /** Redis values go up to 512 MiB (proto-max-bulk-len); gRPC's 4 MiB default would refuse a GET of one. */
    static final int MAX_MESSAGE_BYTES = 512 * 1024 * 1024 + 1024 * 1024;
    private static final long TERMINATION_WAIT_MILLIS = 1_000;

    private final Function<Endpoint, ManagedChannel> factory;
    private final Map<Endpoint, ManagedChannel> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ChannelPool(Function<Endpoint, ManagedChannel> factory) {
        this.factory = factory;
    }

    /** The default: plaintext HTTP/2 over Netty. */
    public static ManagedChannel plaintext(Endpoint endpoint) {
        return NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port()).usePlaintext()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
    }

    /**
     * The node's channel. One that is waiting to reconnect (its node was down) is asked to reconnect
     * now: gRPC waits 1 s growing to 2 min between attempts and fails calls at once meanwhile, so a
     * node back after a restart would stay unreachable for as long. The caller's own backoff paces
     * these requests.
     */
    public Channel channel(Endpoint endpoint) {
        ensureOpen();
        ManagedChannel channel = channels.computeIfAbsent(endpoint, factory);
        // close() may have run between the check and the insert; its loop may have missed this one.
        if (closed) {
            channel.shutdownNow();
            ensureOpen();
        }
        reconnectNowIfWaiting(channel);
        return channel;
    }

    private static void reconnectNowIfWaiting(ManagedChannel channel) {
        try {
            if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
                channel.resetConnectBackoff();
            }
        } catch (UnsupportedOperationException e) {
            // A channel from a custom factory that does not track its state: it reconnects as it does.
        }
    }

    /**
     * Cuts calls still in flight rather than waiting for them: the dispatcher has already failed
     * their callers, and a hung node must not make close() hang. Then waits briefly for the
     * transports to let go of their threads and sockets.
     */
    @Override
    public void close() {
        closed = true;
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel channel : channels.values()) {
            awaitTermination(channel);
        }
        channels.clear();
    }

    private static void awaitTermination(ManagedChannel channel) {
        try {
            channel.awaitTermination(TERMINATION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SlotraftException("the client is closed");
        }
    }
}
