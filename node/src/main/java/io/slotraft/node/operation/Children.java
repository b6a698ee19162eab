package io.slotraft.node.operation;

import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import java.util.List;

/** The moves a drain or a rebalance started, as meta records them. */
public record Children(List<Operation> running, List<Operation> finished) {

  public static Children of(MetaState state, Operation parent) {
    List<Operation> all = state.operations().values().stream().filter(op -> op.getParentId() == parent.getId()).toList();
    return new Children(all.stream().filter(MetaState::running).toList(),
        all.stream().filter(op -> !MetaState.running(op)).toList());
  }

  /** Cancels for the running children not yet asked to stop. */
  public List<MetaCommand> cancelRunning() {
    return running.stream().filter(op -> !op.getCancelRequested())
        .map(op -> MetaEntries.cancelOperation(op.getId())).toList();
  }

  /** Whether a move of {@code shardId} is running under this parent. */
  public boolean moving(String shardId) {
    return running.stream().anyMatch(op -> op.getSpec().getMoveReplica().getShardId().equals(shardId));
  }
}
