package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.hyperloglog.CorruptHllException;
import io.slotraft.node.hyperloglog.HllEditor;
import io.slotraft.node.hyperloglog.HllStrings;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.function.Supplier;

/**
 * PFADD, PFCOUNT and PFMERGE on HyperLogLog sketches stored as strings (see the hyperloglog
 * package). A string without the sketch header answers a WRONGTYPE of its own, another type the
 * usual WRONGTYPE; a sketch whose registers do not add up answers INVALIDOBJ.
 */
final class PfCommands {
  private static final Reply NOT_A_SKETCH = Replies.error("WRONGTYPE Key is not a valid HyperLogLog string value.");
  private static final Reply CORRUPT = Replies.error("INVALIDOBJ Corrupted HLL object detected");

  private PfCommands() {}

  /** Answers 1 when a register changed or the key was created (even with no elements), else 0. */
  static Reply pfAdd(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    HllEditor sketch = entry == null ? HllEditor.create() : HllEditor.of(sketchOf(entry));
    boolean changed = entry == null;
    for (int i = 2; i < args.argc(); i++) {
      int element = i;
      changed |= checked(() -> sketch.add(args.bytes(element)));
    }
    if (!changed) {
      return Replies.ZERO;
    }
    sketch.markChanged();
    Strings.store(ctx, args.bytes(1), entry, sketch.toBytes());
    return Replies.ONE;
  }

  /**
   * One key: its count, cached or computed. Several: the count of their union, computed on the fly
   * and not stored anywhere. Absent keys count as empty sketches.
   */
  static Reply pfCount(ExecutionContext ctx, CommandArgs args) {
    if (args.argc() == 2) {
      KeyEntry entry = ctx.lookup(args.bytes(1));
      return Replies.integer(entry == null ? 0 : checked(() -> HllStrings.count(sketchOf(entry))));
    }
    return Replies.integer(HllStrings.countRegisters(union(ctx, args).registers));
  }

  /**
   * Stores the union of every key's sketch, destkey's own included, in destkey, keeping its
   * expiry. The result is dense if any input was, else sparse as far as it fits.
   */
  static Reply pfMerge(ExecutionContext ctx, CommandArgs args) {
    Union union = union(ctx, args);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    HllEditor sketch = entry == null ? HllEditor.create() : HllEditor.of(sketchOf(entry));
    if (union.anyDense) {
      checked(sketch::makeDense);
    }
    sketch.raiseAll(union.registers);
    sketch.markChanged();
    Strings.store(ctx, args.bytes(1), entry, sketch.toBytes());
    return Replies.OK;
  }

  /** The register-wise maximum of the sketches at argv[1..], checked in argument order. */
  private static Union union(ExecutionContext ctx, CommandArgs args) {
    Union union = new Union();
    for (int i = 1; i < args.argc(); i++) {
      KeyEntry entry = ctx.lookup(args.bytes(i));
      if (entry == null) {
        continue;
      }
      byte[] sketch = sketchOf(entry);
      union.anyDense |= HllStrings.isDense(sketch);
      checked(() -> HllStrings.foldInto(sketch, union.registers));
    }
    return union;
  }

  private static final class Union {
    final byte[] registers = new byte[HllStrings.REGISTERS];
    boolean anyDense;
  }

  private static byte[] sketchOf(KeyEntry entry) {
    byte[] bytes = Strings.bytesOf(entry);
    if (!HllStrings.isSketch(bytes)) {
      throw new CommandException(NOT_A_SKETCH);
    }
    return bytes;
  }

  /** Runs a step that reads sparse registers, answering INVALIDOBJ if they do not add up. */
  private static <T> T checked(Supplier<T> step) {
    try {
      return step.get();
    } catch (CorruptHllException corrupt) {
      throw new CommandException(CORRUPT);
    }
  }

  private static void checked(Runnable step) {
    checked(() -> {
      step.run();
      return null;
    });
  }
}
