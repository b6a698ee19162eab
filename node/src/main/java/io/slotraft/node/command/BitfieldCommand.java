package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BITFIELD and BITFIELD_RO: a list of GET, SET and INCRBY operations on integers of any width at
 * any bit offset of one string, run in order, answering one reply each.
 */
final class BitfieldCommand {
  private static final Reply READ_ONLY = Replies.error("ERR BITFIELD_RO only supports the GET subcommand");
  private static final byte[] EMPTY = new byte[0];

  private BitfieldCommand() {}

  static Reply bitfield(ExecutionContext ctx, CommandArgs args) {
    return run(ctx, args, false);
  }

  static Reply bitfieldRo(ExecutionContext ctx, CommandArgs args) {
    return run(ctx, args, true);
  }

  /** Redis parses every operation first, so a parse error wins over BITFIELD_RO's and over WRONGTYPE. */
  private static Reply run(ExecutionContext ctx, CommandArgs args, boolean readOnly) {
    List<BitfieldOp> ops = BitfieldOp.parseAll(args);
    long lastBit = ops.stream().filter(BitfieldOp::writes).mapToLong(BitfieldOp::lastBit).max().orElse(-1);
    if (lastBit < 0) {
      return read(ctx, args.bytes(1), ops);
    }
    if (readOnly) {
      throw new CommandException(READ_ONLY);
    }
    return write(ctx, args.bytes(1), ops, lastBit);
  }

  /** Only GETs: an absent key reads as zeros and is not created. */
  private static Reply read(ExecutionContext ctx, byte[] key, List<BitfieldOp> ops) {
    KeyEntry entry = ctx.lookup(key);
    return applyAll(entry == null ? EMPTY : Strings.bytesOf(entry), ops);
  }

  /**
   * The string first grows with zero bytes to hold the farthest field written, as in Redis: even
   * when OVERFLOW FAIL then stops every write, the key exists and has grown.
   */
  private static Reply write(ExecutionContext ctx, byte[] key, List<BitfieldOp> ops, long lastBit) {
    KeyEntry entry = ctx.lookup(key);
    byte[] old = entry == null ? EMPTY : Strings.bytesOf(entry);
    byte[] bytes = Arrays.copyOf(old, (int) Math.max(old.length, (lastBit >>> 3) + 1));
    Reply reply = applyAll(bytes, ops);
    Strings.store(ctx, key, entry, bytes);
    return reply;
  }

  private static Reply applyAll(byte[] bytes, List<BitfieldOp> ops) {
    List<Reply> replies = new ArrayList<>(ops.size());
    for (BitfieldOp op : ops) {
      replies.add(op.apply(bytes));
    }
    return Replies.array(replies);
  }
}
