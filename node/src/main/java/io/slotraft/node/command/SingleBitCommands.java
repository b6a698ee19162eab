package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.Arrays;

/** SETBIT and GETBIT: one bit of a string, by offset. */
final class SingleBitCommands {
  private static final Reply NOT_A_BIT = Replies.error("ERR bit is not an integer or out of range");
  private static final byte[] EMPTY = new byte[0];

  private SingleBitCommands() {}

  /**
   * Answers the bit's old value. The string grows with zero bytes to reach the offset even when
   * the bit written is 0, as in Redis, so SETBIT k 100 0 creates a 13-byte string.
   */
  /** SETBIT's argument check: the offset, then the bit, as the handler reads them. */
  static void checkSetBit(CommandArgs args) {
    BitOffsets.parse(args.bytes(2));
    bitArg(args.bytes(3));
  }

  static Reply setBit(ExecutionContext ctx, CommandArgs args) {
    long offset = BitOffsets.parse(args.bytes(2));
    int bit = bitArg(args.bytes(3));
    KeyEntry entry = ctx.lookup(args.bytes(1));
    byte[] old = entry == null ? EMPTY : Strings.bytesOf(entry);
    int previous = Bits.get(old, offset);
    int length = Math.max(old.length, (int) (offset >>> 3) + 1);
    if (entry != null && length == old.length && previous == bit) {
      return Replies.integer(previous); // Nothing would change: spare the copy.
    }
    byte[] bytes = Arrays.copyOf(old, length);
    Bits.set(bytes, offset, bit);
    Strings.store(ctx, args.bytes(1), entry, bytes);
    return Replies.integer(previous);
  }

  /** Redis checks the offset before it looks at the key, so a bad offset wins over WRONGTYPE. */
  static Reply getBit(ExecutionContext ctx, CommandArgs args) {
    long offset = BitOffsets.parse(args.bytes(2));
    KeyEntry entry = ctx.lookup(args.bytes(1));
    return Replies.integer(entry == null ? 0 : Bits.get(Strings.bytesOf(entry), offset));
  }

  private static int bitArg(byte[] arg) {
    Long value = RedisNumbers.parseLong(arg);
    if (value == null || (value & ~1L) != 0) {
      throw new CommandException(NOT_A_BIT);
    }
    return value.intValue();
  }
}
