package io.slotraft.client.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client keeps its slot map fresh.
 *
 * @param refreshOnRoutingError load the topology soon after a node answers NOT_LEADER, WRONG_SHARD
 *                              or TRY_AGAIN (the leader a redirect names is used at once either way)
 * @param refreshInterval       load it this often; {@link Duration#ZERO} for never
 * @param watch                 keep a WatchTopology stream open, so leader changes arrive within the
 *                              node's poll interval
 * @param connectTimeout        how long connecting waits for a first topology; without one the client
 *                              starts by following redirects and keeps trying to load it
 */
public record TopologySettings(boolean refreshOnRoutingError, Duration refreshInterval, boolean watch,
                               Duration connectTimeout) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    public TopologySettings {
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("refreshInterval must be zero (never) or positive: " + refreshInterval);
        }
        if (!refreshInterval.isZero() && refreshInterval.toMillis() < 1) {
            throw new IllegalArgumentException("refreshInterval under 1 ms: " + refreshInterval);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
    }

    public static TopologySettings defaults() {
        return new TopologySettings(true, DEFAULT_REFRESH_INTERVAL, false, DEFAULT_CONNECT_TIMEOUT);
    }
}
