package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's layout as meta records it: the nodes, every shard with its slot range and replicas,
 * and the epoch that versions it. Nodes route by it and start the replicas it assigns to them.
 *
 * @param epoch 0 only in {@link #NONE}; 1 once bootstrapped; raised by every later change
 * @param members every node, in the configured order of the plan that was bootstrapped
 * @param replicationFactor replicas per shard the plan was made with
 */
public record ClusterTopology(long epoch, List<ClusterMember> members, Placement placement, int replicationFactor) {
  /** Before bootstrap: no nodes, no shards. */
  public static final ClusterTopology NONE = new ClusterTopology(0, List.of(), new Placement(List.of()), 0);

  public ClusterTopology {
    members = List.copyOf(members);
  }

  public Optional<ClusterMember> member(String nodeId) {
    return members.stream().filter(m -> m.nodeId().equals(nodeId)).findFirst();
  }

  /** The Raft endpoints of a shard's replicas, preferred leader first. */
  public List<String> raftEndpoints(ShardPlacement shard) {
    return shard.replicaNodeIds().stream()
        .map(nodeId -> member(nodeId).orElseThrow(() -> new IllegalStateException(
            "shard " + shard.shardId() + " has a replica on " + nodeId + ", which is not a member")))
        .map(ClusterMember::raftEndpoint)
        .toList();
  }
}
