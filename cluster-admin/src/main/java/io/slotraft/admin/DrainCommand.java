package io.slotraft.admin;

import io.slotraft.proto.v1.DrainNodeSpec;
import io.slotraft.proto.v1.OperationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin drain NODE --yes}: starts a drain on meta (NODE takes no new replica; its
 * replicas move away a few at a time, then its meta vote) and follows it and the moves it starts.
 */
@Command(name = "drain", mixinStandardHelpOptions = true,
    description = "Move every replica and the meta vote off NODE, a few moves at a time, and follow the drain.")
final class DrainCommand extends OperationCommand {
  @Parameters(index = "0", paramLabel = "NODE", description = "The node to empty (name or id).")
  private String drained;

  @Option(names = "--yes", description = "Confirm: the drain moves data.")
  private boolean yes;

  @Mixin
  private MaxConcurrentMovesOption maxConcurrentMoves;

  @Override
  public Integer call() throws InterruptedException {
    if (!yes) {
      throw usageError("drain " + drained + " would mark it draining (no new replicas), move each of its replicas "
          + "to another node, " + maxConcurrentMoves.count + " at a time, then move its meta vote, if it has one; "
          + "add --yes to start it");
    }
    return startAndFollow(view -> OperationSpec.newBuilder().setDrainNode(DrainNodeSpec.newBuilder()
        .setNodeId(view.node(drained).getNodeId()).setMaxConcurrentMoves(maxConcurrentMoves.count)).build());
  }
}
