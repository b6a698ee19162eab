package io.slotraft.client.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which node a command goes to. One shard owns every slot today, so the answer ignores the
 * key: the leader some node last named, or, while none is known, the known nodes in turn (seeds
 * first, then nodes learned from redirects). With many shards this becomes a slot map: same questions
 * and reports, answered per slot.
 *
 * <p>Thread-safe: many commands report to it at once. Learning only from redirects, never from a
 * successful reply, is deliberate: a follower may answer keyless commands such as PING itself, and
 * must not be mistaken for the leader.
 */
public final class LeaderTracker {
    private static final Logger log = LoggerFactory.getLogger(LeaderTracker.class);

    private final CopyOnWriteArrayList<Endpoint> known;
    private final AtomicReference<Endpoint> leader = new AtomicReference<>();
    private final AtomicInteger candidate = new AtomicInteger();

    public LeaderTracker(List<Endpoint> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed node is needed");
        }
        this.known = new CopyOnWriteArrayList<>(seeds);
    }

    /** The node to send a command for this key to (null for keyless commands). */
    public Endpoint route(byte[] routingKey) {
        Endpoint current = leader.get();
        return current != null ? current : currentCandidate();
    }

    /** A node said it is not the leader and named the one that is. */
    public void onRedirect(Endpoint from, Endpoint newLeader) {
        if (known.addIfAbsent(newLeader)) {
            log.debug("learned node {} from {}", newLeader, from);
        }
        Endpoint previous = leader.getAndSet(newLeader);
        if (!newLeader.equals(previous)) {
            log.debug("leader is now {} (said {}, was {})", newLeader, from, previous);
        }
    }

    /**
     * A node could not be reached, or has no leader to offer: stop sending to it. Only the first
     * report about the current choice moves on, so a burst of failures from concurrent commands
     * does not skip healthy nodes.
     */
    public void onNodeUnusable(Endpoint node) {
        if (leader.compareAndSet(node, null)) {
            log.debug("forgot leader {}", node);
        }
        int index = candidate.get();
        if (known.get(Math.floorMod(index, known.size())).equals(node)) {
            candidate.compareAndSet(index, index + 1);
        }
    }

    /** The leader last named, if any; for tests and diagnostics. */
    public Endpoint knownLeader() {
        return leader.get();
    }

    private Endpoint currentCandidate() {
        return known.get(Math.floorMod(candidate.get(), known.size()));
    }
}
