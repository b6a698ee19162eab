package io.slotraft.client.routing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which node gets a command: the leader of its slot's shard in the current {@link SlotMap};
 * while that leader is unknown, one of the shard's replicas (they redirect to the leader); with no
 * replica known either, the current candidate of the {@link KnownNodes}.
 *
 * <p>The map changes three ways: a whole new topology ({@link #offer}), a leader named by a
 * redirect ({@link #onLeaderHint}) and a node that could not be reached ({@link #onNodeUnusable}).
 * Epochs only go forward: a topology older than the current map is refused, so a lagging node can
 * never route the client back to a layout that no longer exists. Thread-safe; every change is a
 * compare-and-set of an immutable map.
 *
 * <p>Learning leaders only from topologies and redirects, never from a successful reply, is
 * deliberate: a follower may answer keyless commands such as PING itself, and must not be taken
 * for a leader.
 */
public final class SlotRouter {
    private static final Logger log = LoggerFactory.getLogger(SlotRouter.class);

    private final KnownNodes nodes;
    private final AtomicReference<SlotMap> map = new AtomicReference<>(SlotMap.unknown());
    /** Which replica of a leaderless shard is asked; moves past a replica that failed. */
    private final AtomicInteger replicaTurn = new AtomicInteger();

    public SlotRouter(KnownNodes nodes) {
        this.nodes = nodes;
    }

    public SlotMap map() {
        return map.get();
    }

    public KnownNodes nodes() {
        return nodes;
    }

    /** Where a command for {@code slot} goes; a negative slot (a keyless command) goes to any good node. */
    public Endpoint route(int slot) {
        SlotMap current = map.get();
        ShardRoute shard = slot >= 0 ? current.shardOf(slot) : anyLedShard(current);
        if (shard == null) {
            return nodes.candidate();
        }
        if (shard.leader() != null) {
            return shard.leader();
        }
        return shard.replicas().isEmpty() ? nodes.candidate() : replicaAt(shard, replicaTurn.get());
    }

    /**
     * A topology loaded from some node. Taken when its epoch is newer, or when it is of the same epoch
     * and routes differently (leaders moved); refused when older. Returns whether it was taken.
     */
    public boolean offer(SlotMap candidate) {
        for (;;) {
            SlotMap current = map.get();
            if (candidate.epoch() < current.epoch()) {
                log.debug("ignored topology of epoch {}: have epoch {}", candidate.epoch(), current.epoch());
                return false;
            }
            SlotMap next = candidate.epoch() == current.epoch() ? candidate.keepingLeadersOf(current) : candidate;
            if (next.epoch() == current.epoch() && next.sameRoutes(current)) {
                return false;
            }
            if (map.compareAndSet(current, next)) {
                for (ShardRoute shard : next.shards()) {
                    nodes.addAll(shard.replicas());
                }
                log.debug("slot map now {}", next);
                return true;
            }
        }
    }

    /** A node answered that {@code leader} leads the shard ({@code shardId}, may be empty) owning {@code slot}. */
    public void onLeaderHint(String shardId, int slot, Endpoint leader) {
        if (nodes.add(leader)) {
            log.debug("learned node {} from a redirect", leader);
        }
        map.updateAndGet(current -> current.withLeader(shardId, slot, leader));
    }

    /** A node could not be reached, or had no leader to offer: stop sending to it. */
    public void onNodeUnusable(Endpoint node) {
        SlotMap current = map.updateAndGet(before -> before.withoutLeader(node));
        nodes.skip(node);
        // As for the candidate: only the first report about the replica in use moves on.
        int turn = replicaTurn.get();
        for (ShardRoute shard : current.shards()) {
            if (shard.leader() == null && !shard.replicas().isEmpty() && replicaAt(shard, turn).equals(node)) {
                replicaTurn.compareAndSet(turn, turn + 1);
                return;
            }
        }
    }

    private static Endpoint replicaAt(ShardRoute shard, int turn) {
        return shard.replicas().get(Math.floorMod(turn, shard.replicas().size()));
    }

    /** A keyless command's shard: the first with a known leader, so that it reaches a live node. */
    private static ShardRoute anyLedShard(SlotMap current) {
        for (ShardRoute shard : current.shards()) {
            if (shard.leader() != null) {
                return shard;
            }
        }
        return current.shards().isEmpty() ? null : current.shards().get(0);
    }
}
