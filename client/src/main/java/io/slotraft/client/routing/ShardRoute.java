package io.slotraft.client.routing;

import io.slotraft.proto.SlotHash;
import java.util.List;
import java.util.Objects;

/**
 * Where one shard's commands go: its slot range, its leader's gRPC endpoint (null while unknown) and
 * its replicas' endpoints, which can be asked while the leader is unknown (they answer with a
 * redirect to the leader once there is one).
 *
 * @param slotStart first slot, inclusive
 * @param slotEnd   last slot, inclusive
 */
public record ShardRoute(String shardId, int slotStart, int slotEnd, Endpoint leader, List<Endpoint> replicas) {

    public ShardRoute {
        Objects.requireNonNull(shardId, "shardId");
        replicas = List.copyOf(replicas);
        if (slotStart < 0 || slotEnd >= SlotHash.SLOT_COUNT || slotStart > slotEnd) {
            throw new IllegalArgumentException("bad slot range " + slotStart + "-" + slotEnd + " of shard " + shardId);
        }
    }

    public boolean owns(int slot) {
        return slot >= slotStart && slot <= slotEnd;
    }

    public ShardRoute withLeader(Endpoint newLeader) {
        return new ShardRoute(shardId, slotStart, slotEnd, newLeader, replicas);
    }

    /** Same shard, same range: only then may what is known of one's leader carry over to the other. */
    boolean sameShardAs(ShardRoute other) {
        return shardId.equals(other.shardId) && slotStart == other.slotStart && slotEnd == other.slotEnd;
    }
}
