package io.slotraft.node.operation.rebuild;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.OperationKind;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.RebuildReplicaSpec;
import java.util.Optional;

/**
 * What meta records of a rebuild: it may start for a node holding a voting replica of the shard (or
 * of meta, {@link ClusterTopology#META_GROUP}) when no other operation changes that group's replicas; it changes no placement (the node keeps its place
 * and gets its replica back), so it raises no epoch.
 */
public final class RebuildReplicaKind implements OperationKind {
  public static final RebuildReplicaKind INSTANCE = new RebuildReplicaKind();

  private RebuildReplicaKind() {}

  @Override
  public Optional<String> refusal(MetaState state, OperationSpec spec) {
    RebuildReplicaSpec rebuild = spec.getRebuildReplica();
    Optional<ClusterTopology.RaftGroup> group = state.topology().raftGroup(rebuild.getShardId());
    if (group.isEmpty()) {
      return Optional.of("there is no shard " + rebuild.getShardId());
    }
    if (!group.get().voterNodeIds().contains(rebuild.getNodeId())) {
      return Optional.of(rebuild.getNodeId() + " holds no voting replica of " + rebuild.getShardId());
    }
    return state.operationChangingReplicasOf(rebuild.getShardId())
        .map(op -> "operation " + op.getId() + " is already changing " + rebuild.getShardId() + "'s replicas");
  }

  @Override
  public String firstStep(OperationSpec spec) {
    return RebuildStep.REMOVE_DAMAGED.name();
  }

  @Override
  public boolean names(OperationSpec spec, String nodeId) {
    return spec.getRebuildReplica().getNodeId().equals(nodeId);
  }

  @Override
  public String describe(OperationSpec spec, ClusterTopology topology) {
    RebuildReplicaSpec rebuild = spec.getRebuildReplica();
    return "rebuild " + rebuild.getShardId() + " on "
        + topology.member(rebuild.getNodeId()).map(ClusterMember::name).orElse(rebuild.getNodeId());
  }
}
