package io.slotraft.node.operation.move;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.OperationKind;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import java.util.Optional;

/**
 * What meta records of a replica move: it may start when the source holds a voting replica, the
 * target is a member that runs none and is not draining, and no other operation is moving a replica
 * of the shard (one membership change per shard at a time). Its start places the target as a
 * learner and, when the source was the preferred leader, makes the source least preferred so that
 * leader balancing moves leadership off it; its success swaps the target in for the source; its
 * roll-back removes the learner and restores the source's preference. Each of these raises the epoch.
 */
public final class MoveReplicaKind implements OperationKind {
  public static final MoveReplicaKind INSTANCE = new MoveReplicaKind();
  /** Meta keeps at least 3 voters (one failure) and at most 5 (two failures). */
  public static final int MIN_META_VOTERS = 3;
  public static final int MAX_META_VOTERS = 5;

  private MoveReplicaKind() {}

  /**
   * How many voters meta should have: 5 once 5 or more members are not being drained (it then
   * survives two failures), else 3 (or every such member, when fewer).
   */
  public static int desiredMetaVoters(ClusterTopology topology) {
    long available = topology.members().stream().filter(m -> !topology.isDraining(m.nodeId())).count();
    return available >= MAX_META_VOTERS ? MAX_META_VOTERS : (int) Math.min(MIN_META_VOTERS, available);
  }

  /**
   * The member that should take a new vote in meta: not draining, running no replica of meta,
   * holding the fewest replicas, the first in member order among equals.
   */
  public static Optional<ClusterMember> metaVoteTarget(ClusterTopology topology) {
    return topology.members().stream()
        .filter(m -> !topology.isDraining(m.nodeId()) && !topology.runsMeta(m.nodeId()))
        .min(java.util.Comparator.comparingInt((ClusterMember m) ->
            topology.placement().shardsRunningOn(m.nodeId()).size()));
  }

  @Override
  public Optional<String> refusal(MetaState state, OperationSpec spec) {
    MoveReplicaSpec move = spec.getMoveReplica();
    ClusterTopology topology = state.topology();
    Optional<String> busy = busy(state, move.getShardId());
    if (move.getShardId().equals(ClusterTopology.META_GROUP)) {
      return metaRefusal(topology, move).or(() -> busy);
    }
    Optional<ShardPlacement> shard = topology.placement().shard(move.getShardId());
    if (shard.isEmpty()) {
      return Optional.of("there is no shard " + move.getShardId());
    }
    if (!shard.get().hasReplicaOn(move.getFromNodeId())) {
      return Optional.of(name(topology, move.getFromNodeId()) + " holds no replica of " + move.getShardId());
    }
    if (topology.member(move.getToNodeId()).isEmpty()) {
      return Optional.of("there is no member " + move.getToNodeId());
    }
    if (shard.get().runsOn(move.getToNodeId())) {
      return Optional.of(name(topology, move.getToNodeId()) + " already holds a replica of " + move.getShardId());
    }
    if (topology.isDraining(move.getToNodeId())) {
      return Optional.of(name(topology, move.getToNodeId()) + " is being drained and takes no new replicas");
    }
    if (busy.isPresent()) {
      return busy;
    }
    if (!shard.get().learnerNodeIds().isEmpty()) {
      return Optional.of(move.getShardId() + " already has a learner on " + shard.get().learnerNodeIds());
    }
    return Optional.empty();
  }

  /**
   * Why a move of one of meta's votes may not start; a vote moves like a replica, to a node without
   * one. Without a source it adds a vote (up to {@link #MAX_META_VOTERS}); without a target it
   * removes one (never below {@link #MIN_META_VOTERS}).
   */
  private static Optional<String> metaRefusal(ClusterTopology topology, MoveReplicaSpec move) {
    int voters = topology.metaVoterNodeIds().size();
    if (move.getFromNodeId().isEmpty() && move.getToNodeId().isEmpty()) {
      return Optional.of("a move of meta's vote needs a source or a target");
    }
    if (move.getFromNodeId().isEmpty() && voters >= MAX_META_VOTERS) {
      return Optional.of("meta has " + voters + " voters already, the most it takes");
    }
    if (move.getToNodeId().isEmpty()) {
      return voters <= MIN_META_VOTERS
          ? Optional.of("meta has " + voters + " voters, the fewest it keeps")
          : topology.isMetaVoter(move.getFromNodeId()) ? Optional.empty()
          : Optional.of(name(topology, move.getFromNodeId()) + " holds none of meta's votes");
    }
    if (!move.getFromNodeId().isEmpty() && !topology.isMetaVoter(move.getFromNodeId())) {
      return Optional.of(name(topology, move.getFromNodeId()) + " holds none of meta's votes");
    }
    if (topology.member(move.getToNodeId()).isEmpty()) {
      return Optional.of("there is no member " + move.getToNodeId());
    }
    if (topology.runsMeta(move.getToNodeId())) {
      return Optional.of(name(topology, move.getToNodeId()) + " already holds a replica of meta");
    }
    if (topology.isDraining(move.getToNodeId())) {
      return Optional.of(name(topology, move.getToNodeId()) + " is being drained and takes no new replicas");
    }
    if (!topology.metaLearnerNodeIds().isEmpty()) {
      return Optional.of("meta already has a learner on " + topology.metaLearnerNodeIds());
    }
    return Optional.empty();
  }

  /** The operation already changing the replicas of {@code shardId}, if any: one change per group at a time. */
  private static Optional<String> busy(MetaState state, String shardId) {
    return state.operationChangingReplicasOf(shardId)
        .map(op -> "operation " + op.getId() + " is already changing " + shardId
            + "'s replicas (one change per shard at a time)");
  }

  @Override
  public Started start(ClusterTopology topology, OperationSpec spec) {
    MoveReplicaSpec move = spec.getMoveReplica();
    if (move.getShardId().equals(ClusterTopology.META_GROUP)) {
      return new Started(spec, move.getToNodeId().isEmpty() ? topology.nextWith(topology.placement())
          : topology.nextWithMetaLearner(move.getToNodeId()));
    }
    ShardPlacement shard = topology.placement().shard(move.getShardId()).orElseThrow();
    boolean fromWasPreferred = shard.preferredLeader().equals(move.getFromNodeId()) && shard.replicaNodeIds().size() > 1;
    ShardPlacement placed = shard.withLearner(move.getToNodeId());
    if (fromWasPreferred) {
      placed = placed.withLeastPreferred(move.getFromNodeId());
    }
    OperationSpec recorded = spec.toBuilder().setMoveReplica(move.toBuilder().setFromWasPreferred(fromWasPreferred))
        .build();
    return new Started(recorded, topology.nextWith(topology.placement().with(placed)));
  }

  @Override
  public String firstStep(OperationSpec spec) {
    // Removing a vote starts where a move hands the source's leadership over.
    return spec.getMoveReplica().getToNodeId().isEmpty() ? MoveStep.HAND_OVER_LEADERSHIP.name()
        : MoveStep.ADD_LEARNER.name();
  }

  @Override
  public ClusterTopology afterAdvance(ClusterTopology topology, Operation operation, AdvanceOperation advance) {
    if (advance.getStatus() == OperationStatus.OPERATION_RUNNING) {
      return topology;
    }
    MoveReplicaSpec move = operation.getSpec().getMoveReplica();
    if (move.getShardId().equals(ClusterTopology.META_GROUP)) {
      return topology.nextWithMetaVoteMoved(move.getFromNodeId(), move.getToNodeId(),
          advance.getStatus() == OperationStatus.OPERATION_SUCCEEDED);
    }
    Optional<ShardPlacement> shard = topology.placement().shard(move.getShardId());
    if (shard.isEmpty()) {
      return topology; // cannot happen while shards are never deleted; nothing to record then
    }
    ShardPlacement changed;
    if (advance.getStatus() == OperationStatus.OPERATION_SUCCEEDED) {
      changed = shard.get().withReplicaMoved(move.getFromNodeId(), move.getToNodeId(), move.getFromWasPreferred());
    } else {
      changed = shard.get().withoutLearner(move.getToNodeId());
      if (move.getFromWasPreferred() && changed.hasReplicaOn(move.getFromNodeId())) {
        changed = changed.withPreferredLeader(move.getFromNodeId());
      }
    }
    return topology.nextWith(topology.placement().with(changed));
  }

  @Override
  public boolean names(OperationSpec spec, String nodeId) {
    MoveReplicaSpec move = spec.getMoveReplica();
    return move.getFromNodeId().equals(nodeId) || move.getToNodeId().equals(nodeId);
  }

  @Override
  public String describe(OperationSpec spec, ClusterTopology topology) {
    MoveReplicaSpec move = spec.getMoveReplica();
    if (move.getFromNodeId().isEmpty()) {
      return "add a vote in " + move.getShardId() + " on " + name(topology, move.getToNodeId());
    }
    if (move.getToNodeId().isEmpty()) {
      return "remove " + name(topology, move.getFromNodeId()) + "'s vote in " + move.getShardId();
    }
    return "move " + move.getShardId() + " " + name(topology, move.getFromNodeId()) + " -> "
        + name(topology, move.getToNodeId());
  }

  static String name(ClusterTopology topology, String nodeId) {
    return topology.member(nodeId).map(ClusterMember::name).orElse(nodeId);
  }
}
