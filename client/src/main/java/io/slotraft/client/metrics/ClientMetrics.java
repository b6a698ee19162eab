package io.slotraft.client.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the client did besides sending commands: redirects followed, waits for an
 * election, topology loads. A client that routes well shows no redirects in steady state: each is a
 * command that went to the wrong node first. Read them with {@code SlotraftClient.metrics()}; the
 * client's own packages record them.
 */
public final class ClientMetrics {
    private final LongAdder redirects = new LongAdder();
    private final LongAdder tryAgains = new LongAdder();
    private final LongAdder transportRetries = new LongAdder();
    private final LongAdder topologyLoads = new LongAdder();
    private final LongAdder topologyChanges = new LongAdder();

    /** Answers NOT_LEADER or WRONG_SHARD: the command went to a node that does not lead its slot. */
    public long redirects() {
        return redirects.sum();
    }

    /** Answers TRY_AGAIN: the slot's shard had no leader (an election), or was busy. */
    public long tryAgains() {
        return tryAgains.sum();
    }

    /** Attempts that failed on the wire (node down, connection cut) and were sent again elsewhere. */
    public long transportRetries() {
        return transportRetries.sum();
    }

    /** Topologies received from nodes (GetTopology answers and WatchTopology messages). */
    public long topologyLoads() {
        return topologyLoads.sum();
    }

    /** Topologies that replaced the slot map (newer epoch, or leaders moved). */
    public long topologyChanges() {
        return topologyChanges.sum();
    }

    public void recordRedirect() {
        redirects.increment();
    }

    public void recordTryAgain() {
        tryAgains.increment();
    }

    public void recordTransportRetry() {
        transportRetries.increment();
    }

    public void recordTopologyLoad(boolean changedTheMap) {
        topologyLoads.increment();
        if (changedTheMap) {
            topologyChanges.increment();
        }
    }

    @Override
    public String toString() {
        return "redirects=" + redirects() + " tryAgains=" + tryAgains() + " transportRetries=" + transportRetries()
                + " topologyLoads=" + topologyLoads() + " topologyChanges=" + topologyChanges();
    }
}
