package io.slotraft.node.operation.rebalance;

import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.operation.Children;
import io.slotraft.node.operation.DriverContext;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.node.operation.StepDriver;
import io.slotraft.node.operation.move.MoveReplicaKind;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.PlannedLeaderMove;
import io.slotraft.proto.v1.PlannedMove;
import io.slotraft.proto.v1.RebalanceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Runs a rebalance on the meta leader (see the package comment). */
public final class RebalanceDriver implements StepDriver {
  public static final RebalanceDriver INSTANCE = new RebalanceDriver();

  private RebalanceDriver() {}

  @Override
  public List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) {
    RebalanceSpec spec = operation.getSpec().getRebalance();
    Children children = Children.of(state, operation);
    long now = context.nowMs();
    if (operation.getCancelRequested()) {
      if (!children.running().isEmpty()) {
        return children.cancelRunning();
      }
      return List.of(OperationRunner.end(operation, RebalanceStep.DONE.name(), OperationStatus.OPERATION_CANCELLED,
          "cancelled after " + children.finished().size() + " moves", now));
    }
    return switch (RebalanceStep.valueOf(operation.getStep())) {
      case PLAN -> plan(state, operation, now);
      case MOVE_REPLICAS -> moveReplicas(state, operation, spec, children, now);
      case META_VOTES -> metaVotes(state.topology(), operation, children, now);
      case MOVE_LEADERS -> moveLeaders(state, operation, spec, now);
      case DONE -> throw new IllegalStateException("a running rebalance is never at DONE");
    };
  }

  private static List<MetaCommand> plan(MetaState state, Operation operation, long now) {
    RebalanceSpec plan = RebalancePlanning.plan(state, operation.getSpec().getRebalance().getMaxConcurrentMoves());
    boolean metaVotesRight = state.topology().metaVoterNodeIds().size()
        == MoveReplicaKind.desiredMetaVoters(state.topology());
    if (plan.getMovesCount() == 0 && plan.getLeaderMovesCount() == 0 && metaVotesRight) {
      return List.of(MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
          .setFromStep(operation.getStep()).setToStep(RebalanceStep.DONE.name())
          .setStatus(OperationStatus.OPERATION_SUCCEEDED).setDetail("balanced: nothing to move").setAtMs(now)
          .setPlan(plan).build()));
    }
    long bytes = plan.getMovesList().stream().mapToLong(PlannedMove::getBytes).sum();
    return List.of(MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
        .setFromStep(operation.getStep()).setToStep(RebalanceStep.MOVE_REPLICAS.name())
        .setStatus(OperationStatus.OPERATION_RUNNING)
        .setDetail(plan.getMovesCount() + " replica moves, " + plan.getLeaderMovesCount() + " leader moves")
        .setAtMs(now).setBytesTotal(bytes).setPlan(plan).build()));
  }

  /**
   * Starts the planned moves of the lowest wave that has any left, up to the concurrency limit and
   * never two of one shard at once. A planned move is left when its source still holds the shard,
   * its target does not, and no earlier child already tried it (one that failed is not retried:
   * the rebalance goes on and reports it).
   */
  private static List<MetaCommand> moveReplicas(MetaState state, Operation operation, RebalanceSpec spec,
      Children children, long now) {
    ClusterTopology topology = state.topology();
    List<PlannedMove> left = spec.getMovesList().stream()
        .filter(move -> pending(topology, move) && !tried(children, move)).toList();
    if (left.isEmpty() && children.running().isEmpty()) {
      long failed = children.finished().stream().filter(op -> op.getStatus() != OperationStatus.OPERATION_SUCCEEDED)
          .count();
      return List.of(OperationRunner.advance(operation, RebalanceStep.META_VOTES.name(),
          children.finished().size() + " moves ended" + (failed > 0 ? ", " + failed + " did not succeed" : ""), now));
    }
    OptionalInt wave = left.stream().mapToInt(PlannedMove::getWave).min();
    List<MetaCommand> starts = new ArrayList<>();
    int room = spec.getMaxConcurrentMoves() - children.running().size();
    Set<String> busy = new HashSet<>(state.shardsWithReplicasChanging());
    for (PlannedMove move : left) {
      if (room <= 0 || move.getWave() != wave.getAsInt()) {
        break;
      }
      if (busy.contains(move.getShardId())) {
        continue;
      }
      busy.add(move.getShardId());
      starts.add(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
          .setShardId(move.getShardId()).setFromNodeId(move.getFromNodeId()).setToNodeId(move.getToNodeId())).build(),
          operation.getId(), now));
      room--;
    }
    return starts;
  }

  /**
   * Gives meta as many voters as the members call for ({@link MoveReplicaKind#desiredMetaVoters}),
   * one vote added (to the member holding the fewest replicas) or removed (a draining voter's first,
   * else the last in member order) at a time.
   */
  private static List<MetaCommand> metaVotes(ClusterTopology topology, Operation operation, Children children,
      long now) {
    if (!children.running().isEmpty()) {
      return List.of();
    }
    int voters = topology.metaVoterNodeIds().size();
    int desired = MoveReplicaKind.desiredMetaVoters(topology);
    MoveReplicaSpec.Builder vote = MoveReplicaSpec.newBuilder().setShardId(ClusterTopology.META_GROUP);
    Optional<ClusterMember> target = MoveReplicaKind.metaVoteTarget(topology);
    if (voters < desired && target.isPresent()) {
      vote.setToNodeId(target.get().nodeId());
    } else if (voters > desired) {
      List<String> ordered = topology.metaVoterNodeIds();
      vote.setFromNodeId(ordered.stream().filter(topology::isDraining).findFirst()
          .orElse(ordered.get(ordered.size() - 1)));
    } else {
      return List.of(OperationRunner.advance(operation, RebalanceStep.MOVE_LEADERS.name(), "meta has " + voters
          + " voters", now));
    }
    return List.of(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(vote).build(),
        operation.getId(), now));
  }

  private static List<MetaCommand> moveLeaders(MetaState state, Operation operation, RebalanceSpec spec, long now) {
    List<MetaCommand> commands = new ArrayList<>();
    for (PlannedLeaderMove move : spec.getLeaderMovesList()) {
      Optional<ShardPlacement> shard = state.topology().placement().shard(move.getShardId());
      if (shard.isPresent() && shard.get().hasReplicaOn(move.getToNodeId())
          && !shard.get().preferredLeader().equals(move.getToNodeId())) {
        commands.add(MetaEntries.setPreferredLeader(move.getShardId(), move.getToNodeId()));
      }
    }
    commands.add(OperationRunner.end(operation, RebalanceStep.DONE.name(), OperationStatus.OPERATION_SUCCEEDED,
        "balanced in " + (now - operation.getStartedAtMs()) / 1000 + " s", now));
    return commands;
  }

  private static boolean pending(ClusterTopology topology, PlannedMove move) {
    return topology.placement().shard(move.getShardId())
        .map(shard -> shard.hasReplicaOn(move.getFromNodeId()) && !shard.runsOn(move.getToNodeId()))
        .orElse(false);
  }

  private static boolean tried(Children children, PlannedMove move) {
    return children.finished().stream().map(op -> op.getSpec().getMoveReplica()).anyMatch(started ->
        started.getShardId().equals(move.getShardId()) && started.getFromNodeId().equals(move.getFromNodeId())
            && started.getToNodeId().equals(move.getToNodeId()));
  }
}
