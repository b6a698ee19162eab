package io.slotraft.node.placement;

import java.util.ArrayList;
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

  /** This shard with {@code nodeId}, which must hold a replica, first; the others keep their order. */
  public ShardPlacement withPreferredLeader(String nodeId) {
    if (!hasReplicaOn(nodeId)) {
      throw new IllegalArgumentException("shard " + shardId + " has no replica on " + nodeId);
    }
    List<String> reordered = new ArrayList<>(replicaNodeIds.size());
    reordered.add(nodeId);
    replicaNodeIds.stream().filter(id -> !id.equals(nodeId)).forEach(reordered::add);
    return new ShardPlacement(shardId, slotStart, slotEnd, reordered);
  }
}
