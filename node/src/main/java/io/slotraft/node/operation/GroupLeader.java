package io.slotraft.node.operation;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.raft.GroupMembership;

/** The member that leads a shard's Raft group now, for the steps that ask a leader to propose. */
public final class GroupLeader {
  private GroupLeader() {}

  /** Throws, for the step to be tried again, when the shard is gone or its group has no leader now. */
  public static ClusterMember of(ClusterTopology topology, String shardId, DriverContext context) {
    ClusterTopology.RaftGroup group = topology.raftGroup(shardId)
        .orElseThrow(() -> new IllegalStateException("shard " + shardId + " is gone"));
    GroupMembership.GroupView view = context.groups().view(group.groupId(), group.endpoints())
        .orElseThrow(() -> new IllegalStateException(group.groupId() + " has no leader now"));
    return topology.memberAtRaftEndpoint(view.leader()).orElseThrow(() -> new IllegalStateException(
        "the leader of " + group.groupId() + " (" + view.leader() + ") is not a member"));
  }
}
