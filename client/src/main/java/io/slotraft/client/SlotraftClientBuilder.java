package io.slotraft.client;

import io.grpc.ManagedChannel;
import io.slotraft.client.retry.RetrySettings;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.topology.TopologySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures a {@link SlotraftClient}: {@code SlotraftClient.builder().seeds("127.0.0.1:7101").build()}.
 * Seeds are nodes' gRPC addresses; any one reachable seed is enough, the client learns the topology
 * (every node, shard and leader) from it. Every setting is checked by {@link #build()}, which waits
 * up to the connect timeout for a first topology.
 */
public final class SlotraftClientBuilder {
    private final List<Endpoint> seeds = new ArrayList<>();
    private Duration commandTimeout = RetrySettings.DEFAULT_COMMAND_TIMEOUT;
    private Duration attemptTimeout = RetrySettings.DEFAULT_ATTEMPT_TIMEOUT;
    private Duration initialBackoff = RetrySettings.DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = RetrySettings.DEFAULT_MAX_BACKOFF;
    private Function<Endpoint, ManagedChannel> channelFactory = ChannelPool::plaintext;
    private boolean refreshTopologyOnRoutingError = true;
    private Duration topologyRefreshInterval = TopologySettings.DEFAULT_REFRESH_INTERVAL;
    private boolean watchTopology;
    private Duration connectTimeout = TopologySettings.DEFAULT_CONNECT_TIMEOUT;
    private boolean commandStreams = true;

    SlotraftClientBuilder() {
    }

    /** gRPC addresses, {@code host:port}; adds to any given before. */
    public SlotraftClientBuilder seeds(String... hostPorts) {
        for (String hostPort : hostPorts) {
            seeds.add(Endpoint.parse(hostPort));
        }
        return this;
    }

    /** The whole budget of one command, retries included; default 10 s. */
    public SlotraftClientBuilder commandTimeout(Duration timeout) {
        this.commandTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How long one attempt of a command that is safe to repeat (a read, an idempotent write) waits
     * before the client tries another node; default 3 s. Other commands cannot be sent elsewhere, so
     * they wait for the whole command timeout and then fail as indeterminate.
     */
    public SlotraftClientBuilder attemptTimeout(Duration timeout) {
        this.attemptTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The wait before the first retry (default 50 ms), doubled per retry up to max (default 1 s). */
    public SlotraftClientBuilder retryBackoff(Duration initial, Duration max) {
        this.initialBackoff = Objects.requireNonNull(initial, "initial");
        this.maxBackoff = Objects.requireNonNull(max, "max");
        return this;
    }

    /**
     * How to open the channel to a node; default plaintext over Netty. Replace it for TLS or custom
     * channel options (or in tests, in-process channels). The client closes the channels it made.
     */
    public SlotraftClientBuilder channelFactory(Function<Endpoint, ManagedChannel> factory) {
        this.channelFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * Whether a routing error (NOT_LEADER, WRONG_SHARD, TRY_AGAIN) makes the client load the topology
     * soon after; default true. The leader a redirect names is used at once either way; the load
     * catches everything else that changed (new shards, ranges, other leaders).
     */
    public SlotraftClientBuilder refreshTopologyOnRoutingError(boolean refresh) {
        this.refreshTopologyOnRoutingError = refresh;
        return this;
    }

    /** How often the client loads the topology anyway; default 10 s, {@link Duration#ZERO} for never. */
    public SlotraftClientBuilder topologyRefreshInterval(Duration interval) {
        this.topologyRefreshInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * Keeps a WatchTopology stream open to one node (moving to another when it ends), so that leader
     * changes reach the slot map within a fraction of a second instead of at the first redirect or
     * timed refresh; default false.
     */
    public SlotraftClientBuilder watchTopology(boolean watch) {
        this.watchTopology = watch;
        return this;
    }

    /**
     * How long {@link #build()} waits for a first topology; default 3 s. Without one the client still
     * works: it sends commands to the seeds and follows their redirects while it keeps trying to load it.
     */
    public SlotraftClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How single commands travel; default true: over one long-lived gRPC stream per node, commands
     * pending for a node sent together as one batch. False: one unary Execute call per command (as
     * clients of other languages do). Retries, redirects and write sequences are the same either way.
     * Explicit batches ({@link SlotraftClient#pipeline()}) always go as one ExecuteBatch call per shard.
     */
    public SlotraftClientBuilder commandStreams(boolean streams) {
        this.commandStreams = streams;
        return this;
    }

    public SlotraftClient build() {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed (host:port of a node's gRPC port) is needed");
        }
        RetrySettings settings = new RetrySettings(commandTimeout, attemptTimeout, initialBackoff, maxBackoff,
                RetrySettings.DEFAULT_IMMEDIATE_REDIRECTS);
        TopologySettings topology = new TopologySettings(refreshTopologyOnRoutingError, topologyRefreshInterval,
                watchTopology, connectTimeout);
        return new SlotraftClient(List.copyOf(seeds), settings, topology, channelFactory, commandStreams);
    }
}
