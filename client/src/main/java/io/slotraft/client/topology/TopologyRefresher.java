package io.slotraft.client.topology;

import io.grpc.stub.StreamObserver;
import io.slotraft.client.metrics.ClientMetrics;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.KnownNodes;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.proto.v1.GetTopologyRequest;
import io.slotraft.proto.v1.Topology;
import io.slotraft.proto.v1.TopologyServiceGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the topology with GetTopology: once at connect, on a timer, and soon after a routing error.
 * One load at a time: a burst of routing errors (every in-flight command hitting a dead leader)
 * makes one load, not hundreds. On-demand loads are at least {@link #MIN_GAP} apart; a request
 * inside the gap is not dropped but folded into one load at its end, so the last error always gets
 * a load that started after it.
 *
 * <p>A load asks nodes one after another until one answers: the node a redirect named first (a
 * leader knows it leads; a lagging follower might not), then the known nodes in turn.
 */
public final class TopologyRefresher {
    static final Duration MIN_GAP = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(TopologyRefresher.class);

    private final SlotMapUpdater updater;
    private final ChannelPool channels;
    private final ScheduledExecutorService timer;
    private final Duration rpcTimeout;
    private final AtomicReference<CompletableFuture<Boolean>> inFlight = new AtomicReference<>();
    private final AtomicBoolean trailingLoadScheduled = new AtomicBoolean();
    private volatile long lastStartNanos = System.nanoTime() - MIN_GAP.toNanos();

    public TopologyRefresher(SlotRouter router, ClientMetrics metrics, ChannelPool channels,
            ScheduledExecutorService timer, Duration rpcTimeout) {
        this.updater = new SlotMapUpdater(router, metrics);
        this.channels = channels;
        this.timer = timer;
        this.rpcTimeout = rpcTimeout;
    }

    /**
     * Waits up to {@code timeout} for a first topology. Returns false when no node gave one in time
     * (none reachable, or nodes without the topology service); the client then routes by redirects.
     */
    public boolean loadNow(Duration timeout) {
        try {
            return refresh(null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loads every {@code interval} from now on; the timer's owner stops it. */
    public void refreshEvery(Duration interval) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> refresh(null), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A routing error said the slot map is wrong somewhere: load again, soon. */
    public void refreshSoon(Endpoint preferred) {
        long sinceLast = System.nanoTime() - lastStartNanos;
        if (sinceLast >= MIN_GAP.toNanos()) {
            refresh(preferred);
            return;
        }
        if (trailingLoadScheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    trailingLoadScheduled.set(false);
                    refresh(preferred);
                }, MIN_GAP.toNanos() - sinceLast, TimeUnit.NANOSECONDS);
            } catch (RuntimeException closed) {
                trailingLoadScheduled.set(false);
            }
        }
    }

    /** Starts a load unless one is running; completes with whether the slot map changed. */
    CompletableFuture<Boolean> refresh(Endpoint preferred) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        lastStartNanos = System.nanoTime();
        mine.whenComplete((changed, error) -> inFlight.compareAndSet(mine, null));
        askInTurn(sources(preferred), 0, mine);
        return mine;
    }

    private List<Endpoint> sources(Endpoint preferred) {
        KnownNodes nodes = updater.router().nodes();
        List<Endpoint> order = new ArrayList<>(nodes.size() + 1);
        if (preferred != null) {
            order.add(preferred);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Endpoint node = nodes.candidate(i);
            if (!order.contains(node)) {
                order.add(node);
            }
        }
        return order;
    }

    private void askInTurn(List<Endpoint> order, int index, CompletableFuture<Boolean> result) {
        if (index >= order.size()) {
            result.complete(false);
            return;
        }
        Endpoint node = order.get(index);
        try {
            TopologyServiceGrpc.newStub(channels.channel(node))
                    .withDeadlineAfter(rpcTimeout.toNanos(), TimeUnit.NANOSECONDS)
                    .getTopology(GetTopologyRequest.getDefaultInstance(), new StreamObserver<>() {
                        private Topology topology;

                        @Override
                        public void onNext(Topology value) {
                            topology = value;
                        }

                        @Override
                        public void onError(Throwable error) {
                            log.debug("no topology from {}: {}", node, error.getMessage());
                            askInTurn(order, index + 1, result);
                        }

                        @Override
                        public void onCompleted() {
                            result.complete(topology != null && updater.apply(topology, node));
                        }
                    });
        } catch (RuntimeException closed) {
            result.complete(false); // the client is closing: no more loads
        }
    }
}
