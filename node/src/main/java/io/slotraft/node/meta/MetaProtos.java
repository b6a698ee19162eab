package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.MemberProtos;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.SlotRange;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.ShardReport;
import io.slotraft.proto.v1.Operation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Meta's values to and from their protobuf forms (meta.proto), field for field and in order. */
public final class MetaProtos {
  private MetaProtos() {}

  public static io.slotraft.proto.v1.MetaState state(MetaState state) {
    return io.slotraft.proto.v1.MetaState.newBuilder()
        .setBootstrapped(state.bootstrapped())
        .setEpoch(state.epoch())
        .setPlan(plan(state.topology()))
        .setBootstrapIndex(state.bootstrapIndex())
        .setAppliedBootstraps(state.appliedBootstraps())
        .setIgnoredBootstraps(state.ignoredBootstraps())
        .setAppliedIndex(state.appliedIndex())
        .addAllReports(state.reports().values().stream().map(MetaProtos::report).toList())
        .addAllOperations(state.operations().values())
        .build();
  }

  public static MetaState state(io.slotraft.proto.v1.MetaState proto) {
    Map<String, MemberReport> reports = new TreeMap<>();
    proto.getReportsList().forEach(report -> reports.put(report.getNodeId(), report(report)));
    TreeMap<Long, Operation> operations = new TreeMap<>();
    proto.getOperationsList().forEach(operation -> operations.put(operation.getId(), operation));
    return new MetaState(proto.getBootstrapped(), topology(proto.getPlan(), proto.getEpoch()),
        proto.getBootstrapIndex(), proto.getAppliedBootstraps(), proto.getIgnoredBootstraps(), proto.getAppliedIndex(),
        reports, operations);
  }

  public static NodeReport report(MemberReport report) {
    NodeReport.Builder proto = NodeReport.newBuilder().setNodeId(report.nodeId())
        .setReportedAtMs(report.reportedAtMs());
    report.shards().forEach(shard -> proto.addShards(
        ShardReport.newBuilder().setShardId(shard.shardId()).setLeader(shard.leader()).setBytes(shard.bytes())
            .setKeys(shard.keys())));
    return proto.build();
  }

  public static MemberReport report(NodeReport proto) {
    return new MemberReport(proto.getNodeId(), proto.getReportedAtMs(), proto.getShardsList().stream()
        .map(shard -> new MemberReport.ReportedShard(shard.getShardId(), shard.getLeader(), shard.getBytes(),
            shard.getKeys()))
        .toList());
  }

  static ClusterPlan plan(ClusterTopology topology) {
    ClusterPlan.Builder plan = ClusterPlan.newBuilder().setReplicationFactor(topology.replicationFactor())
        .addAllMetaVoterNodeIds(topology.metaVoterNodeIds())
        .addAllDrainingNodeIds(topology.drainingNodeIds())
        .addAllMetaLearnerNodeIds(topology.metaLearnerNodeIds());
    topology.members().forEach(member -> plan.addNodes(MemberProtos.toProto(member)));
    topology.placement().shards().forEach(shard -> {
      MetaShard.Builder recorded = MetaShard.newBuilder()
          .setShardId(shard.shardId())
          .setSlotStart(shard.slotStart())
          .setSlotEnd(shard.slotEnd())
          .addAllReplicaNodeIds(shard.replicaNodeIds())
          .addAllLearnerNodeIds(shard.learnerNodeIds());
      if (shard.splitFrom() != null) {
        recorded.setSplitFromShardId(shard.splitFrom().parentShardId()).setSplitIndex(shard.splitFrom().splitIndex());
      }
      if (shard.createdRange() != null) {
        recorded.setCreatedRange(SlotRange.newBuilder().setSlotStart(shard.createdRange().slotStart())
            .setSlotEnd(shard.createdRange().slotEnd()));
      }
      plan.addShards(recorded);
    });
    return plan.build();
  }

  static ClusterTopology topology(ClusterPlan plan, long epoch) {
    if (epoch == 0 && plan.getShardsCount() == 0 && plan.getNodesCount() == 0) {
      return ClusterTopology.NONE; // the one shared value, so that an empty meta equals MetaState.EMPTY
    }
    List<ClusterMember> members = plan.getNodesList().stream().map(MemberProtos::fromProto).toList();
    // Plans recorded before meta's voters were: the ones MetaMembers picks, as every node did then.
    List<String> metaVoters = plan.getMetaVoterNodeIdsCount() > 0 ? plan.getMetaVoterNodeIdsList()
        : MetaMembers.of(members).stream().map(ClusterMember::nodeId).toList();
    return new ClusterTopology(epoch, members,
        new Placement(plan.getShardsList().stream()
            .map(s -> new ShardPlacement(s.getShardId(), s.getSlotStart(), s.getSlotEnd(), s.getReplicaNodeIdsList(),
                s.getLearnerNodeIdsList(), s.getSplitFromShardId().isEmpty() ? null
                    : new ShardPlacement.SplitOrigin(s.getSplitFromShardId(), s.getSplitIndex()),
                s.hasCreatedRange() ? new ShardPlacement.SlotRange(s.getCreatedRange().getSlotStart(),
                    s.getCreatedRange().getSlotEnd()) : null))
            .toList()),
        plan.getReplicationFactor(), metaVoters, plan.getDrainingNodeIdsList(), plan.getMetaLearnerNodeIdsList());
  }
}
