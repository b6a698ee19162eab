package io.slotraft.node.operation.merge;

import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.OperationKind;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MergeShardsSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import java.util.Optional;

/**
 * What meta records of a merge: it may start for two different, adjacent shards that no other
 * operation changes, one split or merge in the cluster at a time. The step that ends it with
 * success gives the target the source's slots and retires the source (a new epoch).
 */
public final class MergeShardsKind implements OperationKind {
  public static final MergeShardsKind INSTANCE = new MergeShardsKind();

  private MergeShardsKind() {}

  @Override
  public Optional<String> refusal(MetaState state, OperationSpec spec) {
    MergeShardsSpec merge = spec.getMergeShards();
    ClusterTopology topology = state.topology();
    Optional<ShardPlacement> target = topology.placement().shard(merge.getTargetShardId());
    Optional<ShardPlacement> source = topology.placement().shard(merge.getSourceShardId());
    if (target.isEmpty() || source.isEmpty()) {
      return Optional.of("there is no shard " + (target.isEmpty() ? merge.getTargetShardId() : merge.getSourceShardId()));
    }
    if (target.get().shardId().equals(source.get().shardId())) {
      return Optional.of("a shard cannot merge with itself");
    }
    if (!adjacent(target.get(), source.get())) {
      return Optional.of(merge.getTargetShardId() + " (slots " + range(target.get()) + ") and " + merge.getSourceShardId()
          + " (slots " + range(source.get()) + ") are not adjacent; only neighbouring ranges merge");
    }
    Optional<String> reshaping = state.anotherReshapeRunning();
    if (reshaping.isPresent()) {
      return reshaping;
    }
    for (String shardId : new String[] {merge.getTargetShardId(), merge.getSourceShardId()}) {
      Optional<Operation> busy = state.operationChangingReplicasOf(shardId);
      if (busy.isPresent()) {
        return Optional.of("operation " + busy.get().getId() + " is changing " + shardId + "'s replicas");
      }
    }
    return Optional.empty();
  }

  static boolean adjacent(ShardPlacement a, ShardPlacement b) {
    return a.slotEnd() + 1 == b.slotStart() || b.slotEnd() + 1 == a.slotStart();
  }

  private static String range(ShardPlacement shard) {
    return shard.slotStart() + "-" + shard.slotEnd();
  }

  @Override
  public String firstStep(OperationSpec spec) {
    return MergeStep.CO_LOCATE.name();
  }

  @Override
  public ClusterTopology afterAdvance(ClusterTopology topology, Operation operation, AdvanceOperation advance) {
    if (advance.getStatus() != OperationStatus.OPERATION_SUCCEEDED) {
      return topology;
    }
    MergeShardsSpec merge = operation.getSpec().getMergeShards();
    return topology.nextWith(topology.placement().withMerge(merge.getTargetShardId(), merge.getSourceShardId()));
  }

  @Override
  public boolean names(OperationSpec spec, String nodeId) {
    return false;
  }

  @Override
  public String describe(OperationSpec spec, ClusterTopology topology) {
    MergeShardsSpec merge = spec.getMergeShards();
    return "merge " + merge.getSourceShardId() + " into " + merge.getTargetShardId();
  }
}
