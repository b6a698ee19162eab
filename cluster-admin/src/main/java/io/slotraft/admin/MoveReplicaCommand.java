package io.slotraft.admin;

import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.OperationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin move-replica SHARD FROM TO}: starts a replica move on meta and follows it.
 * Meta checks the move (FROM votes in SHARD, TO may take a replica, no other change of SHARD runs)
 * and says why when it refuses; the CLI only turns names into ids.
 */
@Command(name = "move-replica", mixinStandardHelpOptions = true,
    description = "Move SHARD's replica from node FROM to node TO (names or ids) and follow the move until it ends.")
final class MoveReplicaCommand extends OperationCommand {
  @Parameters(index = "0", paramLabel = "SHARD", description = "Shard id, as `status` lists it (e.g. s3).")
  private String shardId;

  @Parameters(index = "1", paramLabel = "FROM", description = "The node that holds the replica now.")
  private String from;

  @Parameters(index = "2", paramLabel = "TO", description = "The node that takes it.")
  private String to;

  @Override
  public Integer call() throws InterruptedException {
    return startAndFollow(view -> OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(view.shard(shardId).getShardId())
        .setFromNodeId(view.node(from).getNodeId())
        .setToNodeId(view.node(to).getNodeId())).build());
  }
}
