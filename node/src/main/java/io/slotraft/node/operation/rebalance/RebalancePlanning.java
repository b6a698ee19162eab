package io.slotraft.node.operation.rebalance;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.placement.LeaderMove;
import io.slotraft.node.placement.RebalancePlan;
import io.slotraft.node.placement.RebalancePlanner;
import io.slotraft.node.placement.ReplicaMove;
import io.slotraft.node.placement.ShardLoad;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.PlannedLeaderMove;
import io.slotraft.proto.v1.PlannedMove;
import io.slotraft.proto.v1.RebalanceSpec;
import java.util.HashSet;
import java.util.List;

/**
 * The {@link RebalancePlanner}'s plan for meta's state: its members in order, its draining nodes,
 * and each shard's size as the largest its replicas reported. Used by a rebalance's first step and
 * by {@code PlanRebalance} (the admin CLI's dry run), so both give the same plan for the same state.
 */
public final class RebalancePlanning {
  private RebalancePlanning() {}

  public static RebalanceSpec plan(MetaState state, int maxConcurrentMoves) {
    List<String> nodes = state.topology().members().stream().map(ClusterMember::nodeId).toList();
    List<ShardLoad> shards = state.topology().placement().shards().stream()
        .map(shard -> new ShardLoad(shard.shardId(), shard.replicaNodeIds(), bytes(state, shard)))
        .toList();
    RebalancePlan plan = RebalancePlanner.plan(nodes, new HashSet<>(state.topology().drainingNodeIds()), shards,
        maxConcurrentMoves);
    RebalanceSpec.Builder spec = RebalanceSpec.newBuilder().setMaxConcurrentMoves(maxConcurrentMoves).setPlanned(true);
    for (ReplicaMove move : plan.moves()) {
      spec.addMoves(PlannedMove.newBuilder().setShardId(move.shardId()).setFromNodeId(move.fromNode())
          .setToNodeId(move.toNode()).setBytes(move.bytes()).setWave(move.wave()));
    }
    for (LeaderMove move : plan.leaderMoves()) {
      spec.addLeaderMoves(PlannedLeaderMove.newBuilder().setShardId(move.shardId()).setFromNodeId(move.fromNode())
          .setToNodeId(move.toNode()));
    }
    return spec.build();
  }

  private static long bytes(MetaState state, ShardPlacement shard) {
    return state.reports().values().stream().mapToLong(report -> report.bytesOf(shard.shardId())).max().orElse(0);
  }
}
