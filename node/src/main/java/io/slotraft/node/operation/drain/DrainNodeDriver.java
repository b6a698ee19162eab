package io.slotraft.node.operation.drain;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.operation.Children;
import io.slotraft.node.operation.DriverContext;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.node.operation.StepDriver;
import io.slotraft.node.operation.move.MoveReplicaKind;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.DrainNodeSpec;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs a drain on the meta leader (see the package comment). */
public final class DrainNodeDriver implements StepDriver {
  public static final DrainNodeDriver INSTANCE = new DrainNodeDriver();

  private DrainNodeDriver() {}

  @Override
  public List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) {
    DrainNodeSpec drain = operation.getSpec().getDrainNode();
    ClusterTopology topology = state.topology();
    Children children = Children.of(state, operation);
    long now = context.nowMs();
    if (operation.getCancelRequested()) {
      if (!children.running().isEmpty()) {
        return children.cancelRunning();
      }
      return List.of(OperationRunner.end(operation, DrainStep.DONE.name(), OperationStatus.OPERATION_CANCELLED,
          "cancelled; " + topology.placement().shardsRunningOn(drain.getNodeId()).size() + " replicas stay", now));
    }
    if (DrainStep.valueOf(operation.getStep()) == DrainStep.MOVE_META_VOTE) {
      return moveMetaVote(topology, operation, children, now);
    }
    List<ShardPlacement> left = topology.placement().shardsOn(drain.getNodeId());
    if (left.isEmpty() && children.running().isEmpty()) {
      return List.of(OperationRunner.advance(operation, DrainStep.MOVE_META_VOTE.name(), "holds no shard replica; "
          + children.finished().size() + " moves", now));
    }
    List<MetaCommand> starts = new ArrayList<>();
    int room = drain.getMaxConcurrentMoves() - children.running().size();
    Set<String> busy = state.shardsWithReplicasChanging();
    ClusterTopology planned = topology;
    for (ShardPlacement shard : left) {
      if (room <= 0) {
        break;
      }
      if (busy.contains(shard.shardId())) {
        continue;
      }
      Optional<ClusterMember> target = target(planned, shard);
      if (target.isEmpty()) {
        throw new IllegalStateException("no node can take " + shard.shardId() + "'s replica");
      }
      starts.add(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
          .setShardId(shard.shardId()).setFromNodeId(drain.getNodeId()).setToNodeId(target.get().nodeId())).build(),
          operation.getId(), now));
      // Count the learner it will place, so that the next start of this pass goes to another node.
      planned = planned.nextWith(planned.placement().with(shard.withLearner(target.get().nodeId())));
      room--;
    }
    if (starts.isEmpty() && children.running().isEmpty() && children.finished().stream()
        .anyMatch(op -> op.getStatus() == OperationStatus.OPERATION_FAILED)) {
      return List.of(); // a move failed and nothing else can run: the runner records why on retries
    }
    return starts;
  }

  /**
   * Moves the node's vote in meta, if it has one, to the member that is not draining, runs no
   * replica of meta and holds the fewest replicas; ends the drain once the node holds nothing.
   */
  private static List<MetaCommand> moveMetaVote(ClusterTopology topology, Operation operation, Children children,
      long now) {
    String nodeId = operation.getSpec().getDrainNode().getNodeId();
    if (!children.running().isEmpty()) {
      return List.of();
    }
    if (!topology.runsMeta(nodeId)) {
      return List.of(OperationRunner.end(operation, DrainStep.DONE.name(), OperationStatus.OPERATION_SUCCEEDED,
          "holds nothing; " + children.finished().size() + " moves", now));
    }
    // Meta keeps as many voters as the members left call for: the vote moves, or goes when meta
    // has more than that (or nobody can take it, while meta keeps more than its fewest).
    Optional<ClusterMember> target = MoveReplicaKind.metaVoteTarget(topology);
    int voters = topology.metaVoterNodeIds().size();
    boolean remove = voters > MoveReplicaKind.desiredMetaVoters(topology) || target.isEmpty();
    if (remove && voters <= MoveReplicaKind.MIN_META_VOTERS) {
      throw new IllegalStateException("no node can take this node's vote in meta; add a node");
    }
    return List.of(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(ClusterTopology.META_GROUP).setFromNodeId(nodeId)
        .setToNodeId(remove ? "" : target.get().nodeId())).build(), operation.getId(), now));
  }

  /**
   * The member that should take a replica of {@code shard}: not draining, not running the shard,
   * holding the fewest replicas (voters and learners), the first in member order among equals.
   */
  static Optional<ClusterMember> target(ClusterTopology topology, ShardPlacement shard) {
    return topology.members().stream()
        .filter(m -> !topology.isDraining(m.nodeId()) && !shard.runsOn(m.nodeId()))
        .min(Comparator.comparingInt((ClusterMember m) -> topology.placement().shardsRunningOn(m.nodeId()).size()));
  }
}
