package io.slotraft.node.meta;

import io.slotraft.node.operation.merge.MergeStep;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything the meta group holds, immutable: one value per applied log index.
 *
 * @param bootstrapped whether a Bootstrap has taken effect; from then on {@link #topology} is the truth
 * @param topology {@link ClusterTopology#NONE} until bootstrapped
 * @param bootstrapIndex the meta log index of the Bootstrap that took effect, 0 before
 * @param appliedBootstraps Bootstraps that took effect: 0 or 1; the counter exists so that tests and
 *     operators can see "exactly once" rather than infer it
 * @param ignoredBootstraps Bootstraps that arrived after the first and changed nothing
 * @param appliedIndex the last meta log index applied into this state
 * @param reports the latest {@link MemberReport} of each member that sent one, by node id (sorted,
 *     so that equal states compare and serialize alike on every replica)
 * @param operations running operations and the {@link #KEPT_FINISHED} most recent finished ones, by id
 */
public record MetaState(boolean bootstrapped, ClusterTopology topology, long bootstrapIndex, long appliedBootstraps,
    long ignoredBootstraps, long appliedIndex, Map<String, MemberReport> reports, NavigableMap<Long, Operation> operations) {

  /** Finished operations kept for {@code slotraft-admin operations}; older ones are forgotten. */
  static final int KEPT_FINISHED = 100;

  public static final MetaState EMPTY = new MetaState(false, ClusterTopology.NONE, 0, 0, 0, 0, Map.of(), new TreeMap<>());

  public MetaState {
    reports = Collections.unmodifiableMap(new TreeMap<>(reports));
    operations = Collections.unmodifiableNavigableMap(new TreeMap<>(operations));
  }

  public long epoch() {
    return topology.epoch();
  }

  /** The operations still running, oldest first. */
  public List<Operation> runningOperations() {
    return operations.values().stream().filter(MetaState::running).toList();
  }

  /**
   * The running rebuild of {@code shardId}'s replica on {@code nodeId} (a shard's or, with {@link
   * ClusterTopology#META_GROUP}, meta's own), if any.
   */
  public Optional<Operation> runningRebuildOf(String shardId, String nodeId) {
    return runningOperations().stream()
        .filter(op -> op.getSpec().hasRebuildReplica() && op.getSpec().getRebuildReplica().getShardId().equals(shardId)
            && op.getSpec().getRebuildReplica().getNodeId().equals(nodeId))
        .findFirst();
  }

  /**
   * The running operation that changes the replicas of {@code shardId} (a move or a rebuild of it),
   * if any: a group takes one membership change at a time.
   */
  public Optional<Operation> operationChangingReplicasOf(String shardId) {
    return runningOperations().stream().filter(op -> shardIdsChangedBy(op).contains(shardId)).findFirst();
  }

  /** The shards whose replicas a running operation is changing now; see {@link #operationChangingReplicasOf}. */
  public Set<String> shardsWithReplicasChanging() {
    return runningOperations().stream().flatMap(op -> shardIdsChangedBy(op).stream()).collect(Collectors.toSet());
  }

  /**
   * Why a split or merge may not start now: another one runs (the cluster's slot ranges change one
   * operation at a time); empty when none does.
   */
  public Optional<String> anotherReshapeRunning() {
    return runningOperations().stream().filter(op -> op.getSpec().hasSplitShard() || op.getSpec().hasMergeShards())
        .findFirst().map(op -> (op.getSpec().hasSplitShard() ? "split " : "merge ") + op.getId()
            + " is running; one split or merge at a time");
  }

  /** The shards whose replicas or group {@code operation} changes now; see {@link #operationChangingReplicasOf}. */
  public static List<String> shardIdsChangedBy(Operation operation) {
    if (operation.getSpec().hasMoveReplica()) {
      return List.of(operation.getSpec().getMoveReplica().getShardId());
    }
    if (operation.getSpec().hasRebuildReplica()) {
      return List.of(operation.getSpec().getRebuildReplica().getShardId());
    }
    if (operation.getSpec().hasSplitShard()) {
      // Not its replicas, but its group: a move must not change them while the split entry may be
      // in flight, nor a split run while a move has a learner that would miss its seed.
      return List.of(operation.getSpec().getSplitShard().getShardId());
    }
    if (operation.getSpec().hasMergeShards()) {
      // While it co-locates them, the source's replicas are its moves' to change (they claim it);
      // from its freeze on, both groups are the merge's: each node must hold a replica of both.
      var merge = operation.getSpec().getMergeShards();
      return operation.getStep().equals(MergeStep.CO_LOCATE.name()) ? List.of(merge.getTargetShardId())
          : List.of(merge.getTargetShardId(), merge.getSourceShardId());
    }
    return List.of();
  }

  public static boolean running(Operation operation) {
    return operation.getStatus() == OperationStatus.OPERATION_RUNNING;
  }

  MetaState atIndex(long index) {
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps, index, reports,
        operations);
  }

  MetaState withTopology(ClusterTopology changed) {
    return new MetaState(bootstrapped, changed, bootstrapIndex, appliedBootstraps, ignoredBootstraps, appliedIndex,
        reports, operations);
  }

  MetaState withReport(MemberReport report) {
    Map<String, MemberReport> changed = new TreeMap<>(reports);
    changed.put(report.nodeId(), report);
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps, appliedIndex,
        changed, operations);
  }

  MetaState withoutReport(String nodeId) {
    Map<String, MemberReport> changed = new TreeMap<>(reports);
    changed.remove(nodeId);
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps, appliedIndex,
        changed, operations);
  }

  /** This state with {@code operation} recorded (added or replaced), old finished ones forgotten. */
  MetaState withOperation(Operation operation) {
    TreeMap<Long, Operation> changed = new TreeMap<>(operations);
    changed.put(operation.getId(), operation);
    List<Long> finished = changed.values().stream().filter(op -> !running(op)).map(Operation::getId).toList();
    for (int i = 0; i < finished.size() - KEPT_FINISHED; i++) {
      changed.remove(finished.get(i));
    }
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps, appliedIndex,
        reports, changed);
  }

  MetaState withBootstrap(ClusterTopology plan, long index) {
    return new MetaState(true, plan, index, appliedBootstraps + 1, ignoredBootstraps, appliedIndex, reports, operations);
  }

  MetaState withIgnoredBootstrap() {
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps + 1, appliedIndex,
        reports, operations);
  }
}
