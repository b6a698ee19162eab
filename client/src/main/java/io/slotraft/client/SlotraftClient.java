package io.slotraft.client;

import io.grpc.ManagedChannel;
import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.client.api.sync.SlotraftCommands;
import io.slotraft.client.dispatch.Dispatcher;
import io.slotraft.client.metrics.ClientMetrics;
import io.slotraft.client.retry.RetrySettings;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.transport.CommandTransport;
import io.slotraft.client.transport.StreamTransport;
import io.slotraft.client.transport.UnaryTransport;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.KnownNodes;
import io.slotraft.client.routing.SlotMap;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.client.topology.TopologyRefresher;
import io.slotraft.client.topology.TopologySettings;
import io.slotraft.client.topology.TopologyWatcher;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection to a Slotraft cluster over gRPC:
 * <pre>{@code
 * try (SlotraftClient client = SlotraftClient.connect("127.0.0.1:7101", "127.0.0.1:7102")) {
 *     client.sync().set("greeting", "hello");
 *     client.async().get("greeting").thenAccept(System.out::println);
 * }
 * }</pre>
 * Thread-safe; meant to be shared by the whole application. Connecting loads the cluster's topology
 * from any seed: a slot map (slot to shard to leader, with its epoch) by which every command goes
 * straight to its slot's leader, computing the slot on the client as Redis Cluster does. The map is
 * refreshed after a routing error and on a timer, and never replaced by an older epoch. One channel
 * per node, opened on first use. Commands over keys of many slots (MGET, MSET, DEL, EXISTS, UNLINK,
 * TOUCH) are split per shard and are then not atomic; see {@link SlotraftClientBuilder} for the
 * options and the README for the semantics. It retries what is safe to retry; {@link #close()}
 * closes the channels and fails commands still running.
 */
public final class SlotraftClient implements AutoCloseable {
    private final ClientMetrics metrics = new ClientMetrics();
    private final SlotRouter router;
    private final Dispatcher dispatcher;
    private final TopologyWatcher watcher;
    private final SlotraftAsyncCommands async;
    private final SlotraftCommands sync;

    SlotraftClient(List<Endpoint> seeds, RetrySettings settings, TopologySettings topology,
            Function<Endpoint, ManagedChannel> channelFactory, boolean commandStreams) {
        this.router = new SlotRouter(new KnownNodes(seeds));
        ChannelPool channels = new ChannelPool(channelFactory);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slotraft-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        TopologyRefresher refresher = new TopologyRefresher(router, metrics, channels, timer, settings.attemptTimeout());
        Consumer<Endpoint> onRoutingError = topology.refreshOnRoutingError() ? refresher::refreshSoon : preferred -> { };
        CommandTransport transport = commandStreams ? new StreamTransport(channels, timer) : new UnaryTransport(channels);
        this.dispatcher = new Dispatcher(router, channels, transport, settings, metrics, timer, onRoutingError);
        refresher.loadNow(topology.connectTimeout());
        if (!topology.refreshInterval().isZero()) {
            refresher.refreshEvery(topology.refreshInterval());
        }
        this.watcher = topology.watch() ? new TopologyWatcher(router, metrics, channels, timer) : null;
        if (watcher != null) {
            watcher.start();
        }
        this.async = new AsyncCommandsImpl(dispatcher);
        this.sync = new SyncCommandsImpl(async);
    }

    public static SlotraftClientBuilder builder() {
        return new SlotraftClientBuilder();
    }

    /** A client with default settings; seeds are nodes' gRPC addresses, {@code host:port}. */
    public static SlotraftClient connect(String... seeds) {
        return builder().seeds(seeds).build();
    }

    /** The blocking API. */
    public SlotraftCommands sync() {
        return sync;
    }

    /** The non-blocking API: every method returns a CompletableFuture. */
    public SlotraftAsyncCommands async() {
        return async;
    }

    /** A new, empty batch: commands sent together, one round trip per shard. */
    public Batch pipeline() {
        return new Batch(dispatcher);
    }

    /** Counters of redirects, elections waited out and topology loads since the client was built. */
    public ClientMetrics metrics() {
        return metrics;
    }

    /** The slot map commands are routed by now; for diagnostics and tests. */
    public SlotMap slotMap() {
        return router.map();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        dispatcher.close();
    }
}
