package io.slotraft.node.placement;

import java.util.List;

/**
 * One shard of a {@link Placement}: its stable id, its inclusive slot range and the nodes holding
 * its replicas.
 *
 * @param replicaNodeIds the nodes holding a replica, preferred leader first; never empty
 */
public record ShardPlacement(String shardId, int slotStart, int slotEnd, List<String> replicaNodeIds) {

  public ShardPlacement {
    replicaNodeIds = List.copyOf(replicaNodeIds);
    if (replicaNodeIds.isEmpty()) {
      throw new IllegalArgumentException("shard " + shardId + " has no replica");
    }
  }

  /** The node that should lead this shard whenever it is up: leadership is balanced back to it. */
  public String preferredLeader() {
    return replicaNodeIds.get(0);
  }

  public boolean owns(int slot) {
    return slot >= slotStart && slot <= slotEnd;
  }

  public boolean hasReplicaOn(String nodeId) {
    return replicaNodeIds.contains(nodeId);
  }
}
