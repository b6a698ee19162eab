package io.slotraft.node.operation.merge;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.operation.Children;
import io.slotraft.node.operation.DriverContext;
import io.slotraft.node.operation.GroupLeader;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.node.operation.StepDriver;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MergePhase;
import io.slotraft.proto.v1.MergeShardsSpec;
import io.slotraft.proto.v1.MergeStepDone;
import io.slotraft.proto.v1.MergeStepRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ReplicaDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs a merge on the meta leader (see the package comment). */
public final class MergeShardsDriver implements StepDriver {
  public static final MergeShardsDriver INSTANCE = new MergeShardsDriver();
  /**
   * How long the source may stay frozen waiting for every replica to apply its freeze before the
   * merge is rolled back: its slots take no writes meanwhile.
   */
  static final long FREEZE_TIMEOUT_MS = 60_000;

  /** When this driver first saw each merge waiting at AWAIT_FROZEN, by this node's clock. */
  private final Map<Long, Long> awaitingSinceMs = new ConcurrentHashMap<>();

  private MergeShardsDriver() {}

  @Override
  public List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) {
    MergeShardsSpec merge = operation.getSpec().getMergeShards();
    ClusterTopology topology = state.topology();
    ShardPlacement target = shard(topology, merge.getTargetShardId());
    ShardPlacement source = shard(topology, merge.getSourceShardId());
    long now = context.nowMs();
    return switch (MergeStep.valueOf(operation.getStep())) {
      case CO_LOCATE -> coLocate(state, operation, target, source, now);
      case PREPARE -> prepare(state, operation, target, source, context);
      case AWAIT_FROZEN -> awaitFrozen(topology, operation, source, context);
      case COMMIT -> commit(topology, operation, target, source, context);
      case ROLLBACK -> rollBack(topology, operation, context);
      case DONE -> throw new IllegalStateException("a running merge is never at DONE");
    };
  }

  private static ShardPlacement shard(ClusterTopology topology, String shardId) {
    return topology.placement().shard(shardId)
        .orElseThrow(() -> new IllegalStateException("shard " + shardId + " is gone"));
  }

  /** Whether every node holds a voting replica of both shards and of nothing else of them. */
  static boolean coLocated(ShardPlacement target, ShardPlacement source) {
    return Set.copyOf(target.replicaNodeIds()).equals(Set.copyOf(source.replicaNodeIds()))
        && target.learnerNodeIds().isEmpty() && source.learnerNodeIds().isEmpty();
  }

  /**
   * Moves the source's replicas, one at a time (child moves), from nodes without a replica of the
   * target to nodes with one; then goes on to PREPARE.
   */
  private static List<MetaCommand> coLocate(MetaState state, Operation operation, ShardPlacement target,
      ShardPlacement source, long now) {
    Children children = Children.of(state, operation);
    if (operation.getCancelRequested()) {
      return children.running().isEmpty()
          ? List.of(OperationRunner.end(operation, MergeStep.DONE.name(), OperationStatus.OPERATION_CANCELLED,
              "cancelled before the source was frozen", now))
          : children.cancelRunning();
    }
    if (!children.running().isEmpty()) {
      return List.of();
    }
    Optional<Operation> failed = children.finished().stream()
        .filter(op -> op.getStatus() != OperationStatus.OPERATION_SUCCEEDED).reduce((first, last) -> last);
    if (failed.isPresent()) {
      return List.of(OperationRunner.end(operation, MergeStep.DONE.name(), OperationStatus.OPERATION_FAILED,
          "moving " + source.shardId() + "'s replica onto " + target.shardId() + "'s nodes did not finish: "
              + failed.get().getDetail(), now));
    }
    if (coLocated(target, source)) {
      return List.of(OperationRunner.advance(operation, MergeStep.PREPARE.name(), "both on "
          + target.replicaNodeIds() + " after " + children.finished().size() + " moves", now));
    }
    if (!source.learnerNodeIds().isEmpty() || !target.learnerNodeIds().isEmpty()) {
      return List.of(); // another operation's learner: it finishes or rolls back first
    }
    Set<String> targetNodes = new HashSet<>(target.replicaNodeIds());
    Set<String> sourceNodes = new HashSet<>(source.replicaNodeIds());
    String from = source.replicaNodeIds().stream().filter(n -> !targetNodes.contains(n)).findFirst().orElseThrow();
    String to = target.replicaNodeIds().stream().filter(n -> !sourceNodes.contains(n)).findFirst()
        .orElseThrow(() -> new IllegalStateException(source.shardId() + " has more replicas than " + target.shardId()));
    return List.of(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(source.shardId()).setFromNodeId(from).setToNodeId(to)).build(), operation.getId(), now));
  }

  /** Freezes the source through its leader and records the freeze entry's index. */
  private static List<MetaCommand> prepare(MetaState state, Operation operation, ShardPlacement target,
      ShardPlacement source, DriverContext context) {
    long now = context.nowMs();
    if (operation.getCancelRequested()) {
      // An earlier driver may have proposed the freeze: the rollback lets the source go either way.
      return List.of(OperationRunner.advance(operation, MergeStep.ROLLBACK.name(), "cancelled", now));
    }
    if (!coLocated(target, source)) {
      return List.of(OperationRunner.advance(operation, MergeStep.CO_LOCATE.name(), "the replicas moved apart again",
          now));
    }
    Set<String> both = Set.of(target.shardId(), source.shardId());
    boolean contested = state.runningOperations().stream().filter(op -> op.getId() != operation.getId())
        .anyMatch(op -> MetaState.shardIdsChangedBy(op).stream().anyMatch(both::contains));
    if (contested) {
      return List.of(); // an operation that started before the merge claimed them finishes first
    }
    ClusterMember leader = GroupLeader.of(state.topology(), source.shardId(), context);
    MergeStepDone frozen = context.mergeStep(leader, MergeStepRequest.newBuilder().setShardId(source.shardId())
        .setPhase(MergePhase.MERGE_PREPARE).setOperationId(operation.getId()).setTargetShardId(target.shardId())
        .build());
    return List.of(MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
        .setFromStep(operation.getStep()).setToStep(MergeStep.AWAIT_FROZEN.name())
        .setStatus(OperationStatus.OPERATION_RUNNING).setAtMs(now).setMergeSourceIndex(frozen.getIndex())
        .setDetail(source.shardId() + " frozen at its entry " + frozen.getIndex()).build()));
  }

  /**
   * Waits until every node's replica of the source has applied the freeze: each node then holds the
   * frozen state in memory and, for a replay after a restart, in the source's snapshot and log
   * ({@code shard.FrozenSourceOnDisk}); rolls back when that takes longer than {@link
   * #FREEZE_TIMEOUT_MS}.
   */
  private List<MetaCommand> awaitFrozen(ClusterTopology topology, Operation operation, ShardPlacement source,
      DriverContext context) {
    long now = context.nowMs();
    if (operation.getCancelRequested()) {
      awaitingSinceMs.remove(operation.getId());
      return List.of(OperationRunner.advance(operation, MergeStep.ROLLBACK.name(), "cancelled", now));
    }
    long frozenAt = operation.getSpec().getMergeShards().getSourceIndex();
    String groupId = topology.raftGroup(source.shardId()).orElseThrow().groupId();
    List<String> waiting = new ArrayList<>();
    for (String nodeId : source.replicaNodeIds()) {
      ClusterMember member = topology.member(nodeId).orElseThrow();
      Optional<ReplicaDescription> replica = context.describe(member, groupId);
      if (replica.isEmpty() || replica.get().getAppliedIndex() < frozenAt) {
        waiting.add(member.name());
      }
    }
    if (waiting.isEmpty()) {
      awaitingSinceMs.remove(operation.getId());
      return List.of(OperationRunner.advance(operation, MergeStep.COMMIT.name(), "every replica of "
          + source.shardId() + " applied its freeze", now));
    }
    long since = awaitingSinceMs.computeIfAbsent(operation.getId(), id -> now);
    if (now - since > FREEZE_TIMEOUT_MS) {
      awaitingSinceMs.remove(operation.getId());
      return List.of(OperationRunner.advance(operation, MergeStep.ROLLBACK.name(), "the replicas of "
          + source.shardId() + " on " + waiting + " did not apply its freeze within " + FREEZE_TIMEOUT_MS / 1000
          + " s", now));
    }
    return List.of();
  }

  /**
   * Has the target take in the source through its leader; done once applied there. Not cancelled:
   * the entry may already be in the target's log, and from it on the target owns the source's slots.
   */
  private static List<MetaCommand> commit(ClusterTopology topology, Operation operation, ShardPlacement target,
      ShardPlacement source, DriverContext context) {
    ClusterMember leader = GroupLeader.of(topology, target.shardId(), context);
    MergeStepDone done = context.mergeStep(leader, MergeStepRequest.newBuilder().setShardId(target.shardId())
        .setPhase(MergePhase.MERGE_COMMIT).setOperationId(operation.getId()).setSourceShardId(source.shardId())
        .setSourceIndex(operation.getSpec().getMergeShards().getSourceIndex())
        .setSourceSlotStart(source.slotStart()).setSourceSlotEnd(source.slotEnd()).build());
    long now = context.nowMs();
    return List.of(OperationRunner.end(operation, MergeStep.DONE.name(), OperationStatus.OPERATION_SUCCEEDED,
        target.shardId() + " took in " + source.shardId() + " (slots " + source.slotStart() + "-" + source.slotEnd()
            + ") at its entry " + done.getIndex() + "; " + source.shardId() + " is retired, in "
            + (now - operation.getStartedAtMs()) + " ms", now));
  }

  /** Lets the source serve again through its leader; ends CANCELLED or FAILED. */
  private static List<MetaCommand> rollBack(ClusterTopology topology, Operation operation, DriverContext context) {
    MergeShardsSpec merge = operation.getSpec().getMergeShards();
    ClusterMember leader = GroupLeader.of(topology, merge.getSourceShardId(), context);
    context.mergeStep(leader, MergeStepRequest.newBuilder().setShardId(merge.getSourceShardId())
        .setPhase(MergePhase.MERGE_ROLLBACK).setOperationId(operation.getId()).build());
    return List.of(OperationRunner.end(operation, MergeStep.DONE.name(), operation.getCancelRequested()
        ? OperationStatus.OPERATION_CANCELLED : OperationStatus.OPERATION_FAILED,
        "rolled back (" + operation.getDetail() + "); " + merge.getSourceShardId() + " serves again", context.nowMs()));
  }
}
