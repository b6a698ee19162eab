package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * BITCOUNT and BITPOS: read a range of a string's bits. Both answer for an absent key before they
 * read their range arguments, as Redis 7.2 does (7.4 checks the arguments first).
 */
final class BitScanCommands {
  private static final Reply NOT_A_BIT = Replies.error("ERR The bit argument must be 1 or 0.");

  private BitScanCommands() {}

  /** BITCOUNT key [start end [BYTE|BIT]] */
  static Reply bitCount(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      return Replies.ZERO;
    }
    byte[] bytes = Strings.bytesOf(entry);
    if (args.argc() == 2) {
      return Replies.integer(count(bytes, BitRange.whole(bytes.length)));
    }
    if (args.argc() != 4 && args.argc() != 5) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    long start = args.longArg(2);
    long end = args.longArg(3);
    // Redis answers this case before it reads the unit, so even a bad unit gets 0.
    if (start < 0 && end < 0 && start > end) {
      return Replies.ZERO;
    }
    boolean bitUnit = args.argc() == 5 && BitRange.isBitUnit(args, 4);
    return Replies.integer(count(bytes, BitRange.of(start, end, bitUnit, bytes.length)));
  }

  private static long count(byte[] bytes, BitRange range) {
    return range.isEmpty() ? 0 : Bits.count(bytes, range.first(), range.last());
  }

  /**
   * BITPOS key bit [start [end [BYTE|BIT]]]. An absent key is all clear bits: 0 for a clear bit,
   * -1 for a set one. Without an explicit end the string counts as followed by clear bits, so a
   * clear bit not found answers the first bit past the string; with an explicit end it answers -1.
   */
  static Reply bitPos(ExecutionContext ctx, CommandArgs args) {
    int bit = bitArg(args.bytes(2));
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      return Replies.integer(bit == 1 ? -1 : 0);
    }
    byte[] bytes = Strings.bytesOf(entry);
    if (args.argc() > 6) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    boolean endGiven = args.argc() >= 5;
    BitRange range = args.argc() == 3 ? BitRange.whole(bytes.length) : range(args, bytes.length);
    if (range.isEmpty()) {
      return Replies.integer(-1);
    }
    long found = Bits.find(bytes, bit, range.first(), range.last());
    if (found < 0 && bit == 0 && !endGiven) {
      return Replies.integer(range.last() + 1);
    }
    return Replies.integer(found);
  }

  /** Redis reads the start, then the unit, then the end: the order decides which error wins. */
  private static BitRange range(CommandArgs args, int lengthBytes) {
    long start = args.longArg(3);
    boolean bitUnit = args.argc() == 6 && BitRange.isBitUnit(args, 5);
    long end = args.argc() >= 5 ? args.longArg(4) : -1;
    return BitRange.of(start, end, bitUnit, lengthBytes);
  }

  private static int bitArg(byte[] arg) {
    Long value = RedisNumbers.parseLong(arg);
    if (value == null) {
      throw new CommandException(ErrorReplies.NOT_INTEGER);
    }
    if (value != 0 && value != 1) {
      throw new CommandException(NOT_A_BIT);
    }
    return value.intValue();
  }
}
