package io.slotraft.admin;

import io.slotraft.proto.v1.CancelOperation;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.RemoveNode;
import io.slotraft.proto.v1.SetPreferredLeader;
import io.slotraft.proto.v1.StartOperation;

/**
 * The meta commands the CLI proposes, each stamped with the oldest {@code MetaCommand} layout that
 * carries its body (meta.proto's {@code format_version}): a meta replica that does not know a
 * version stops rather than skip the change, so the stamp must be exact, and it is set here only.
 */
final class MetaCommands {
  /** SetPreferredLeader and NodeReport. */
  private static final int PREFERRED_LEADER_FORMAT = 2;
  /** JoinNode, RemoveNode and the operation commands. */
  private static final int OPERATIONS_FORMAT = 3;

  private MetaCommands() {}

  static MetaCommand setPreferredLeader(String shardId, String nodeId) {
    return MetaCommand.newBuilder().setFormatVersion(PREFERRED_LEADER_FORMAT)
        .setSetPreferredLeader(SetPreferredLeader.newBuilder().setShardId(shardId).setNodeId(nodeId)).build();
  }

  /** @param atMs the proposer's wall clock: meta shows it as the operation's start, never compares it */
  static MetaCommand start(OperationSpec spec, long atMs) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_FORMAT)
        .setStartOperation(StartOperation.newBuilder().setSpec(spec).setAtMs(atMs)).build();
  }

  static MetaCommand cancel(long operationId) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_FORMAT)
        .setCancelOperation(CancelOperation.newBuilder().setId(operationId)).build();
  }

  static MetaCommand removeNode(String nodeId) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_FORMAT)
        .setRemoveNode(RemoveNode.newBuilder().setNodeId(nodeId)).build();
  }
}
