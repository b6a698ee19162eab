package io.slotraft.node.operation.split;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.operation.DriverContext;
import io.slotraft.node.operation.GroupLeader;
import io.slotraft.node.operation.StepDriver;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.SplitDone;
import io.slotraft.proto.v1.SplitShardRequest;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.List;

/** Runs a split's one step on the meta leader (see the package comment). */
public final class SplitShardDriver implements StepDriver {
  public static final SplitShardDriver INSTANCE = new SplitShardDriver();

  private SplitShardDriver() {}

  @Override
  public List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) {
    SplitShardSpec split = operation.getSpec().getSplitShard();
    if (SplitStep.valueOf(operation.getStep()) != SplitStep.SPLIT) {
      throw new IllegalStateException("a running split is never at " + operation.getStep());
    }
    ClusterMember leader = GroupLeader.of(state.topology(), split.getShardId(), context);
    // A cancel is not taken: the split entry may already be on its way through the shard's log, and
    // a split that meta did not record would leave its upper slots served by no shard.
    SplitDone done = context.splitShard(leader, SplitShardRequest.newBuilder().setShardId(split.getShardId())
        .setSplitSlot(split.getSplitSlot()).setNewShardId(split.getNewShardId()).setOperationId(operation.getId())
        .build());
    long now = context.nowMs();
    return List.of(MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
        .setFromStep(operation.getStep()).setToStep(SplitStep.DONE.name())
        .setStatus(OperationStatus.OPERATION_SUCCEEDED).setAtMs(now)
        .setDetail(split.getShardId() + " split at slot " + done.getSplitSlot() + " (its entry " + done.getSplitIndex()
            + "): slots " + done.getSplitSlot() + "+ are now " + split.getNewShardId() + ", in "
            + (now - operation.getStartedAtMs()) + " ms")
        .setSplitDone(done).build()));
  }
}
