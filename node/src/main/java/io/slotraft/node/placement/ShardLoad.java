package io.slotraft.node.placement;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One shard as the {@link RebalancePlanner} sees it.
 *
 * @param replicas the nodes holding a replica, preferred leader first; never empty, never a node twice
 * @param bytes the estimated size of the shard's data, what one replica move copies; zero when unknown
 */
public record ShardLoad(String shardId, List<String> replicas, long bytes) {

  public ShardLoad {
    Objects.requireNonNull(shardId, "shardId");
    replicas = List.copyOf(replicas);
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("shard " + shardId + " has no replica");
    }
    if (new HashSet<>(replicas).size() != replicas.size()) {
      throw new IllegalArgumentException("shard " + shardId + " has two replicas on one node: " + replicas);
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("shard " + shardId + " has a negative size: " + bytes + " bytes");
    }
  }
}
