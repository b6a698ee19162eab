package io.slotraft.node.pipeline;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.proto.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the connection discipline needs to know of a command: whether it writes, and the ordering
 * lane it belongs to. The node backs it with the catalog ({@link #of(CommandCatalog)}); tests may
 * use a lambda, which puts every command in one lane, as a RESP connection does.
 */
@FunctionalInterface
public interface CommandKinds {
  /** The lane of commands without keys: they order against everything (see {@link ConnectionOrder}). */
  int BARRIER = -1;

  /**
   * The lane of blocking commands (BLPOP...): they take no part in the order. One may wait for a
   * long time, and on a stream that many callers share, holding the reads of its slot or every
   * keyless command behind it would stall other callers; it needs no order either, as a pop that
   * starts before an earlier push of its connection waits for it and takes it.
   */
  int UNORDERED = -2;

  /** True for commands that go through the Raft log; unknown commands count as non-writes (they only get an error). */
  boolean isWrite(List<byte[]> argv);

  /**
   * The slot of the command's first key (a multi-key command's keys share one slot, or it is refused
   * with CROSSSLOT), {@link #BARRIER} for a command without keys or an unknown one, {@link
   * #UNORDERED} for a blocking command.
   */
  default int lane(List<byte[]> argv) {
    return 0;
  }

  /** Both facts from the catalog's entry: its WRITE flag and its key positions. */
  static CommandKinds of(CommandCatalog catalog) {
    return new CommandKinds() {
      @Override
      public boolean isWrite(List<byte[]> argv) {
        CommandSpec spec = spec(catalog, argv);
        return spec != null && spec.isWrite();
      }

      @Override
      public int lane(List<byte[]> argv) {
        CommandSpec spec = spec(catalog, argv);
        if (spec == null) {
          return BARRIER;
        }
        if (spec.has(CommandFlag.BLOCKING)) {
          return UNORDERED;
        }
        List<byte[]> keys = spec.keys().keys(argv);
        return keys.isEmpty() ? BARRIER : SlotHash.slot(keys.get(0));
      }
    };
  }

  private static CommandSpec spec(CommandCatalog catalog, List<byte[]> argv) {
    return argv.isEmpty() ? null : catalog.lookup(new String(argv.get(0), StandardCharsets.UTF_8));
  }
}
