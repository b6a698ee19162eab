package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "hyperloglog" group. PFCOUNT is READONLY here without Redis's
 * may-replicate: Redis writes the count it computed back into the string, this node never does.
 */
public final class HyperLogLogCommands {
  private HyperLogLogCommands() {}

  public static void register(CommandCatalog.Builder b) {
    entry(b, "pfadd", -2, "Add elements to the HyperLogLog sketch at a key, creating it if absent.")
        .flags(WRITE, DENYOOM, FAST).keys(1, 1, 1).arguments(ArgumentCheck.NONE).handler(handler(PfCommands::pfAdd));
    entry(b, "pfcount", -2, "Estimate how many distinct elements the sketches at the keys saw together.")
        .flags(READONLY).keys(1, -1, 1).handler(handler(PfCommands::pfCount));
    entry(b, "pfmerge", -2, "Store the union of sketches in the first key's sketch.")
        .flags(WRITE, DENYOOM).keys(1, -1, 1).arguments(ArgumentCheck.NONE).handler(handler(PfCommands::pfMerge));
  }

  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity, String summary) {
    return b.command(name, arity).group("hyperloglog").since("2.8.9").summary(summary);
  }
}
