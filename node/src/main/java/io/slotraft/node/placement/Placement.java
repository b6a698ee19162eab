package io.slotraft.node.placement;

import java.util.List;
import java.util.Optional;

/**
 * Every shard of the cluster, in slot order, with its replicas. The shards' ranges are contiguous
 * and cover slots 0 to 16383 exactly once, so {@link #shardOfSlot} always finds one.
 */
public record Placement(List<ShardPlacement> shards) {

  public Placement {
    shards = List.copyOf(shards);
  }

  public ShardPlacement shardOfSlot(int slot) {
    // Ranges are contiguous and sorted: a binary search over their starts.
    int low = 0;
    int high = shards.size() - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (shards.get(middle).slotStart() <= slot) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    ShardPlacement shard = shards.get(low);
    if (!shard.owns(slot)) {
      throw new IllegalArgumentException("slot " + slot + " is outside 0-16383");
    }
    return shard;
  }

  public Optional<ShardPlacement> shard(String shardId) {
    return shards.stream().filter(s -> s.shardId().equals(shardId)).findFirst();
  }

  /** This placement with the shard of the same id replaced by {@code changed}. */
  public Placement with(ShardPlacement changed) {
    if (shard(changed.shardId()).isEmpty()) {
      throw new IllegalArgumentException("no shard " + changed.shardId());
    }
    return new Placement(shards.stream().map(s -> s.shardId().equals(changed.shardId()) ? changed : s).toList());
  }

  /** This placement with {@code shardId} split at {@code splitSlot}; see {@link ShardPlacement#splitAt}. */
  public Placement withSplit(String shardId, int splitSlot, String newShardId, long splitIndex) {
    ShardPlacement parent = shard(shardId).orElseThrow(() -> new IllegalArgumentException("no shard " + shardId));
    List<ShardPlacement> split = new java.util.ArrayList<>(shards.size() + 1);
    for (ShardPlacement shard : shards) {
      if (shard == parent) {
        split.addAll(parent.splitAt(splitSlot, newShardId, splitIndex));
      } else {
        split.add(shard);
      }
    }
    return new Placement(split);
  }

  /**
   * This placement once {@code sourceId} merged into {@code targetId}: the target owns both ranges
   * (which must be adjacent), the source is gone.
   */
  public Placement withMerge(String targetId, String sourceId) {
    ShardPlacement target = shard(targetId).orElseThrow(() -> new IllegalArgumentException("no shard " + targetId));
    ShardPlacement source = shard(sourceId).orElseThrow(() -> new IllegalArgumentException("no shard " + sourceId));
    ShardPlacement merged = target.mergedWith(source);
    return new Placement(shards.stream().filter(s -> s != source).map(s -> s == target ? merged : s).toList());
  }

  /**
   * An id no shard has had: "s" and one more than the highest number in use (ids are never reused,
   * so a split's new shard is never mistaken for data of an older one left on a node).
   */
  public String nextShardId() {
    int highest = shards.stream().map(ShardPlacement::shardId).filter(id -> id.matches("s\\d+"))
        .mapToInt(id -> Integer.parseInt(id.substring(1))).max().orElse(0);
    return "s" + (highest + 1);
  }

  /** The shards with a voting replica on {@code nodeId}, in slot order. */
  public List<ShardPlacement> shardsOn(String nodeId) {
    return shards.stream().filter(s -> s.hasReplicaOn(nodeId)).toList();
  }

  /** The shards {@code nodeId} runs a replica of, voting or learning, in slot order. */
  public List<ShardPlacement> shardsRunningOn(String nodeId) {
    return shards.stream().filter(s -> s.runsOn(nodeId)).toList();
  }
}
