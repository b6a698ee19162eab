package io.slotraft.node.cluster;

import java.util.List;
import java.util.Optional;

/**
 * A point-in-time picture of the cluster as one node sees it: members, shards and their leaders,
 * and the topology epoch. CLUSTER commands, routing errors and INFO render it.
 */
public record ClusterView(long epoch, ClusterMember self, List<ClusterMember> members, List<ShardView> shards) {

  public Optional<ClusterMember> member(String nodeId) {
    return members.stream().filter(m -> m.nodeId().equals(nodeId)).findFirst();
  }

  public Optional<ShardView> shardOfSlot(int slot) {
    return shards.stream().filter(s -> s.owns(slot)).findFirst();
  }
}
