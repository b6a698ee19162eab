package io.slotraft.client.routing;

import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One picture of the cluster's slots, immutable: the topology epoch it belongs to, the shards, and
 * for each of the 16384 slots the shard that owns it. Changes (a leader learned from a redirect, a
 * node found dead) make a new map that shares the slot table, so a router can swap maps atomically
 * and a command always routes by one consistent picture.
 */
public final class SlotMap {
    /** The epoch of the map a client starts with before any topology arrived; real ones start at 1. */
    public static final long UNKNOWN_EPOCH = 0;
    private static final short NO_SHARD = -1;

    private final long epoch;
    private final List<ShardRoute> shards;
    private final short[] shardBySlot;

    private SlotMap(long epoch, List<ShardRoute> shards, short[] shardBySlot) {
        this.epoch = epoch;
        this.shards = List.copyOf(shards);
        this.shardBySlot = shardBySlot;
    }

    /**
     * The map before any topology is known: one shard of unknown id owning every slot, its leader to
     * be learned from the first redirect. It makes a client without topology (a node that does not
     * offer it) behave as a plain leader-following client.
     */
    public static SlotMap unknown() {
        return of(UNKNOWN_EPOCH, List.of(new ShardRoute("", 0, SlotHash.SLOT_COUNT - 1, null, List.of())));
    }

    /** Shards must not overlap; slots no shard owns are allowed (they route to any node). */
    public static SlotMap of(long epoch, List<ShardRoute> shards) {
        if (shards.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("too many shards: " + shards.size());
        }
        short[] shardBySlot = new short[SlotHash.SLOT_COUNT];
        Arrays.fill(shardBySlot, NO_SHARD);
        for (int i = 0; i < shards.size(); i++) {
            ShardRoute shard = shards.get(i);
            for (int slot = shard.slotStart(); slot <= shard.slotEnd(); slot++) {
                if (shardBySlot[slot] != NO_SHARD) {
                    throw new IllegalArgumentException("slot " + slot + " is in shards "
                            + shards.get(shardBySlot[slot]).shardId() + " and " + shard.shardId());
                }
                shardBySlot[slot] = (short) i;
            }
        }
        return new SlotMap(epoch, shards, shardBySlot);
    }

    public long epoch() {
        return epoch;
    }

    public boolean isKnown() {
        return epoch > UNKNOWN_EPOCH;
    }

    public List<ShardRoute> shards() {
        return shards;
    }

    /** The shard owning {@code slot}, or null when none does in this map. */
    public ShardRoute shardOf(int slot) {
        short index = shardBySlot[slot];
        return index == NO_SHARD ? null : shards.get(index);
    }

    /** Same shards, ranges, leaders and replicas. */
    public boolean sameRoutes(SlotMap other) {
        return shards.equals(other.shards);
    }

    /**
     * This map with {@code leader} leading the shard a redirect was about: the shard of that id, or,
     * when the redirect named none (or this map is the unknown one), the shard owning {@code slot}.
     * A redirect about a shard this map does not have changes nothing: the map is older than the
     * node that sent it, and only a fresh topology can say which slots the new shard owns.
     */
    public SlotMap withLeader(String shardId, int slot, Endpoint leader) {
        int index = indexOf(shardId);
        if (index < 0 && (shardId.isEmpty() || !isKnown()) && slot >= 0 && slot < SlotHash.SLOT_COUNT) {
            index = shardBySlot[slot];
        }
        if (index < 0 || leader.equals(shards.get(index).leader())) {
            return this;
        }
        List<ShardRoute> changed = new ArrayList<>(shards);
        changed.set(index, shards.get(index).withLeader(leader));
        return new SlotMap(epoch, changed, shardBySlot);
    }

    /** This map with every shard {@code node} led marked leaderless: it could not be reached. */
    public SlotMap withoutLeader(Endpoint node) {
        List<ShardRoute> changed = new ArrayList<>(shards);
        boolean any = false;
        for (int i = 0; i < changed.size(); i++) {
            if (node.equals(changed.get(i).leader())) {
                changed.set(i, changed.get(i).withLeader(null));
                any = true;
            }
        }
        return any ? new SlotMap(epoch, changed, shardBySlot) : this;
    }

    /**
     * A newer picture of the same epoch that says less than this one: where it knows no leader for a
     * shard this map knows one for (a node that just restarted, a view taken mid-election), this
     * map's leader is kept. A wrong leader kept this way costs one redirect; forgetting a right one
     * would cost a redirect per command until the next refresh.
     */
    public SlotMap keepingLeadersOf(SlotMap older) {
        List<ShardRoute> merged = new ArrayList<>(shards);
        boolean any = false;
        for (int i = 0; i < merged.size(); i++) {
            ShardRoute shard = merged.get(i);
            if (shard.leader() == null) {
                ShardRoute before = older.shardOf(shard.slotStart());
                if (before != null && before.leader() != null && before.sameShardAs(shard)) {
                    merged.set(i, shard.withLeader(before.leader()));
                    any = true;
                }
            }
        }
        return any ? new SlotMap(epoch, merged, shardBySlot) : this;
    }

    /**
     * One slot per leader node (the first slot of the first shard it leads), and the first slot of
     * each shard with no known leader: routing a keyless command by these slots reaches every node
     * that leads something exactly once. Ordered by endpoint, so that a cluster-wide SCAN visits the
     * nodes in the same order on every call.
     */
    public List<Integer> oneSlotPerLeader() {
        Map<String, Integer> byLeader = new LinkedHashMap<>();
        shards.stream().sorted(Comparator.comparingInt(ShardRoute::slotStart)).forEach(shard -> {
            String key = shard.leader() == null ? "~unled " + shard.shardId() : shard.leader().toString();
            byLeader.putIfAbsent(key, shard.slotStart());
        });
        return byLeader.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    private int indexOf(String shardId) {
        if (shardId.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < shards.size(); i++) {
            if (shards.get(i).shardId().equals(shardId)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "SlotMap{epoch " + epoch + ", " + shards + "}";
    }
}
