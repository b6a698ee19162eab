package io.slotraft.node.meta;

import io.slotraft.node.cluster.MemberProtos;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.MetaShard;

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
        .build();
  }

  public static MetaState state(io.slotraft.proto.v1.MetaState proto) {
    return new MetaState(proto.getBootstrapped(), topology(proto.getPlan(), proto.getEpoch()),
        proto.getBootstrapIndex(), proto.getAppliedBootstraps(), proto.getIgnoredBootstraps(), proto.getAppliedIndex());
  }

  static ClusterPlan plan(ClusterTopology topology) {
    ClusterPlan.Builder plan = ClusterPlan.newBuilder().setReplicationFactor(topology.replicationFactor());
    topology.members().forEach(member -> plan.addNodes(MemberProtos.toProto(member)));
    topology.placement().shards().forEach(shard -> plan.addShards(MetaShard.newBuilder()
        .setShardId(shard.shardId())
        .setSlotStart(shard.slotStart())
        .setSlotEnd(shard.slotEnd())
        .addAllReplicaNodeIds(shard.replicaNodeIds())));
    return plan.build();
  }

  static ClusterTopology topology(ClusterPlan plan, long epoch) {
    if (epoch == 0 && plan.getShardsCount() == 0 && plan.getNodesCount() == 0) {
      return ClusterTopology.NONE; // the one shared value, so that an empty meta equals MetaState.EMPTY
    }
    return new ClusterTopology(epoch,
        plan.getNodesList().stream().map(MemberProtos::fromProto).toList(),
        new Placement(plan.getShardsList().stream()
            .map(s -> new ShardPlacement(s.getShardId(), s.getSlotStart(), s.getSlotEnd(), s.getReplicaNodeIdsList()))
            .toList()),
        plan.getReplicationFactor());
  }
}
