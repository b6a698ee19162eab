package io.slotraft.client.topology;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.slotraft.client.metrics.ClientMetrics;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.proto.v1.Topology;
import io.slotraft.proto.v1.TopologyServiceGrpc;
import io.slotraft.proto.v1.WatchTopologyRequest;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WatchTopology stream open to some node, so that leader changes reach the slot map within
 * the node's poll interval instead of at the next timed refresh. When the stream ends (node down or
 * shutting down) it opens one to the next known node, after a delay that doubles while no node
 * answers (up to {@link #MAX_RECONNECT_DELAY}) and starts over once a topology arrives.
 */
public final class TopologyWatcher implements AutoCloseable {
    static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(200);
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(TopologyWatcher.class);

    private final SlotMapUpdater updater;
    private final ChannelPool channels;
    private final ScheduledExecutorService timer;
    private volatile ClientCallStreamObserver<WatchTopologyRequest> stream;
    private volatile boolean closed;
    private volatile long reconnectDelayMillis = FIRST_RECONNECT_DELAY.toMillis();
    private int nodeTurn;

    public TopologyWatcher(SlotRouter router, ClientMetrics metrics, ChannelPool channels,
            ScheduledExecutorService timer) {
        this.updater = new SlotMapUpdater(router, metrics);
        this.channels = channels;
        this.timer = timer;
    }

    public void start() {
        watch(updater.router().nodes().candidate());
    }

    private void watch(Endpoint node) {
        if (closed) {
            return;
        }
        try {
            TopologyServiceGrpc.newStub(channels.channel(node))
                    .watchTopology(WatchTopologyRequest.getDefaultInstance(), new Observer(node));
        } catch (RuntimeException clientClosed) {
            closed = true;
        }
    }

    private void reconnectAfter(Endpoint lost) {
        if (closed) {
            return;
        }
        long delay = reconnectDelayMillis;
        reconnectDelayMillis = Math.min(delay * 2, MAX_RECONNECT_DELAY.toMillis());
        // One stream at a time ends, so one reconnect at a time runs; the timer orders them, no lock needed.
        Endpoint next = updater.router().nodes().candidate(++nodeTurn);
        log.debug("topology watch on {} ended; watching {} in {} ms", lost, next, delay);
        try {
            timer.schedule(() -> watch(next), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException clientClosed) {
            closed = true;
        }
    }

    /** Cancels the open stream; the node sees the cancellation and forgets it. */
    @Override
    public void close() {
        closed = true;
        ClientCallStreamObserver<WatchTopologyRequest> open = stream;
        if (open != null) {
            open.cancel("client closed", null);
        }
    }

    private final class Observer implements ClientResponseObserver<WatchTopologyRequest, Topology> {
        private final Endpoint node;

        Observer(Endpoint node) {
            this.node = node;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchTopologyRequest> call) {
            stream = call;
        }

        @Override
        public void onNext(Topology topology) {
            reconnectDelayMillis = FIRST_RECONNECT_DELAY.toMillis();
            updater.apply(topology, node);
        }

        @Override
        public void onError(Throwable error) {
            reconnectAfter(node);
        }

        @Override
        public void onCompleted() {
            reconnectAfter(node);
        }
    }
}
