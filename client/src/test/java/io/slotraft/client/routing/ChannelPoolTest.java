package io.slotraft.client.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A node that was down and is back must be reachable at once. gRPC waits longer and longer between
 * attempts to reconnect a channel whose node is down (1 s growing to 2 min) and fails calls at once
 * meanwhile; a node restarted after eight seconds, leading shards again, was then unreachable for
 * about ten more seconds (ClusterWorkloadIT: a smart-client INCR took 10.8 s). So when a command
 * needs a channel that is waiting to reconnect, the pool asks it to reconnect now; the client's own
 * backoff paces those requests.
 */
class ChannelPoolTest {
    private static final Endpoint NODE = new Endpoint("127.0.0.1", 7101);

    @Test
    void aChannelWaitingToReconnectIsAskedToReconnectNowWhenACommandNeedsIt() {
        StateChannel channel = new StateChannel(ConnectivityState.TRANSIENT_FAILURE);
        try (ChannelPool pool = new ChannelPool(endpoint -> channel)) {
            assertSame(channel, pool.channel(NODE));
            assertEquals(1, channel.backoffResets.get());
        }
    }

    @Test
    void aConnectedOrConnectingChannelIsLeftAlone() {
        for (ConnectivityState state : new ConnectivityState[] {ConnectivityState.READY, ConnectivityState.CONNECTING,
                ConnectivityState.IDLE}) {
            StateChannel channel = new StateChannel(state);
            try (ChannelPool pool = new ChannelPool(endpoint -> channel)) {
                pool.channel(NODE);
                assertEquals(0, channel.backoffResets.get(), state.toString());
            }
        }
    }

    @Test
    void aChannelThatCannotTellItsStateIsUsedAsItIs() {
        StateChannel channel = new StateChannel(null);
        try (ChannelPool pool = new ChannelPool(endpoint -> channel)) {
            assertSame(channel, pool.channel(NODE));
            assertEquals(0, channel.backoffResets.get());
        }
    }

    /** A channel in a given state that counts requests to reconnect now; null: getState unsupported. */
    private static final class StateChannel extends ManagedChannel {
        private final ConnectivityState state;
        final AtomicInteger backoffResets = new AtomicInteger();

        StateChannel(ConnectivityState state) {
            this.state = state;
        }

        @Override
        public ConnectivityState getState(boolean requestConnection) {
            if (state == null) {
                return super.getState(requestConnection); // ManagedChannel's default: unsupported
            }
            return state;
        }

        @Override
        public void resetConnectBackoff() {
            backoffResets.incrementAndGet();
        }

        @Override
        public ManagedChannel shutdown() {
            return this;
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return true;
        }

        @Override
        public ManagedChannel shutdownNow() {
            return this;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String authority() {
            return NODE.toString();
        }
    }
}
