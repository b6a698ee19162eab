package io.slotraft.node.meta;

import io.slotraft.node.operation.drain.DrainNodeKind;
import io.slotraft.node.operation.merge.MergeShardsKind;
import io.slotraft.node.operation.move.MoveReplicaKind;
import io.slotraft.node.operation.rebalance.RebalanceKind;
import io.slotraft.node.operation.rebuild.RebuildReplicaKind;
import io.slotraft.node.operation.split.SplitShardKind;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;

/** The {@link OperationKind} of each kind of operation in meta.proto. */
public final class OperationRules {
  private OperationRules() {}

  /** @throws MetaCommandException for a spec with no kind: written by a newer build */
  public static OperationKind of(OperationSpec spec) {
    return switch (spec.getKindCase()) {
      case MOVE_REPLICA -> MoveReplicaKind.INSTANCE;
      case DRAIN_NODE -> DrainNodeKind.INSTANCE;
      case REBALANCE -> RebalanceKind.INSTANCE;
      case REBUILD_REPLICA -> RebuildReplicaKind.INSTANCE;
      case SPLIT_SHARD -> SplitShardKind.INSTANCE;
      case MERGE_SHARDS -> MergeShardsKind.INSTANCE;
      case KIND_NOT_SET -> throw new MetaCommandException("an operation of a kind this build does not know; upgrade "
          + "this node");
    };
  }

  static boolean names(Operation operation, String nodeId) {
    return of(operation.getSpec()).names(operation.getSpec(), nodeId);
  }
}
