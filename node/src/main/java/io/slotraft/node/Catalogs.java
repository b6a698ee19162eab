package io.slotraft.node;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.cluster.ClusterCommands;
import io.slotraft.node.cluster.ReshardingRefusals;
import io.slotraft.node.command.StandardKeyspaceCommands;
import io.slotraft.node.dispatch.NodeCommandDispatcher;
import io.slotraft.node.persistence.SnapshotCommands;
import io.slotraft.node.persistence.SnapshotControl;
import io.slotraft.node.session.ConnectionCommands;
import io.slotraft.node.session.ServerCommands;
import io.slotraft.node.session.WaitCommand;

/** The full command table of a node: each command group adds its own entries. */
public final class Catalogs {
  private Catalogs() {}

  /** Every command the node serves. */
  public static CommandCatalog standard(SnapshotControl snapshots) {
    CommandCatalog.Builder builder = CommandCatalog.builder();
    StandardKeyspaceCommands.register(builder);
    ConnectionCommands.register(builder);
    ServerCommands.register(builder);
    ClusterCommands.register(builder);
    ReshardingRefusals.register(builder);
    WaitCommand.register(builder);
    NodeCommandDispatcher.registerTransactions(builder);
    SnapshotCommands.register(builder, snapshots);
    return builder.build();
  }

  /** Only the keyspace commands: what a shard's state machine may apply from its log. */
  public static CommandCatalog keyspaceOnly() {
    CommandCatalog.Builder builder = CommandCatalog.builder();
    StandardKeyspaceCommands.register(builder);
    return builder.build();
  }
}
