package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandCatalog;

/** Every keyspace command group, in one place; a new data type adds one line here. */
public final class StandardKeyspaceCommands {
  private StandardKeyspaceCommands() {}

  public static void register(CommandCatalog.Builder b) {
    StringCommands.register(b);
    KeyCommands.register(b);
    ListCommands.register(b);
    BitmapCommands.register(b);
    HyperLogLogCommands.register(b);
    HashCommands.register(b);
    SetCommands.register(b);
    SortedSetCommands.register(b);
    BlockingCommands.register(b);
  }
}
