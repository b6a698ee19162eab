package io.slotraft.node.shard;

import io.slotraft.node.placement.ShardPlacement;

/**
 * A shard's stable id and its current inclusive slot range. The id names the Raft group
 * ({@link #groupId()}) and never changes; the range may shrink when the shard is split.
 */
public record ShardId(String id, int slotStart, int slotEnd) {

  /** The id and range a placement gives the shard. */
  public static ShardId of(ShardPlacement placed) {
    return new ShardId(placed.shardId(), placed.slotStart(), placed.slotEnd());
  }

  public String groupId() {
    return "shard-" + id;
  }

  public boolean owns(int slot) {
    return slot >= slotStart && slot <= slotEnd;
  }
}
