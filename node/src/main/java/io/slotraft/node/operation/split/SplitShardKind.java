package io.slotraft.node.operation.split;

import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.OperationKind;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.Optional;

/**
 * What meta records of a split: it may start for a shard of at least two slots whose replicas no
 * other operation is changing, one split in the cluster at a time (so that the new shard's id, chosen
 * at the start, is one no other split takes). The start names the new shard; the step that ends it
 * with success records the two shards (a new epoch).
 */
public final class SplitShardKind implements OperationKind {
  public static final SplitShardKind INSTANCE = new SplitShardKind();
  /** The split slot that asks the shard's leader for the slot that halves its keys. */
  public static final int HALVING_SLOT = -1;

  private SplitShardKind() {}

  @Override
  public Optional<String> refusal(MetaState state, OperationSpec spec) {
    SplitShardSpec split = spec.getSplitShard();
    Optional<ShardPlacement> shard = state.topology().placement().shard(split.getShardId());
    if (shard.isEmpty()) {
      return Optional.of("there is no shard " + split.getShardId());
    }
    ShardPlacement parent = shard.get();
    if (parent.slotStart() == parent.slotEnd()) {
      return Optional.of(parent.shardId() + " owns one slot (" + parent.slotStart() + "); it cannot be split");
    }
    int at = split.getSplitSlot();
    if (at != HALVING_SLOT && (at <= parent.slotStart() || at > parent.slotEnd())) {
      return Optional.of("slot " + at + " cannot split " + parent.shardId() + " (slots " + parent.slotStart() + "-"
          + parent.slotEnd() + "): the split slot must be in " + (parent.slotStart() + 1) + "-" + parent.slotEnd());
    }
    Optional<String> reshaping = state.anotherReshapeRunning();
    if (reshaping.isPresent()) {
      return reshaping;
    }
    return state.operationChangingReplicasOf(parent.shardId())
        .map(op -> "operation " + op.getId() + " is changing " + parent.shardId() + "'s replicas");
  }

  @Override
  public Started start(ClusterTopology topology, OperationSpec spec) {
    SplitShardSpec split = spec.getSplitShard();
    return new Started(spec.toBuilder().setSplitShard(split.toBuilder()
        .setNewShardId(topology.placement().nextShardId())).build(), topology);
  }

  @Override
  public String firstStep(OperationSpec spec) {
    return SplitStep.SPLIT.name();
  }

  @Override
  public ClusterTopology afterAdvance(ClusterTopology topology, Operation operation, AdvanceOperation advance) {
    if (advance.getStatus() != OperationStatus.OPERATION_SUCCEEDED || !advance.hasSplitDone()) {
      return topology;
    }
    SplitShardSpec split = operation.getSpec().getSplitShard();
    return topology.nextWith(topology.placement().withSplit(split.getShardId(), advance.getSplitDone().getSplitSlot(),
        split.getNewShardId(), advance.getSplitDone().getSplitIndex()));
  }

  @Override
  public boolean names(OperationSpec spec, String nodeId) {
    return false;
  }

  @Override
  public String describe(OperationSpec spec, ClusterTopology topology) {
    SplitShardSpec split = spec.getSplitShard();
    String at = split.getSplitSlot() == HALVING_SLOT ? "where its keys halve" : "at slot " + split.getSplitSlot();
    return "split " + split.getShardId() + " " + at
        + (split.getNewShardId().isEmpty() ? "" : " -> " + split.getNewShardId())
        + (split.getReason().isEmpty() ? "" : " (" + split.getReason() + ")");
  }
}
