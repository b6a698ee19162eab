package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.ErrorReplies;

/**
 * The range of BITCOUNT and BITPOS, in bits: {@code [first, last]}, inclusive, always inside the
 * string unless empty. Built from a start and end in bytes or bits, clamped as Redis clamps them.
 */
record BitRange(long first, long last) {
  private static final BitRange EMPTY = new BitRange(0, -1);

  static BitRange whole(int lengthBytes) {
    return of(0, -1, false, lengthBytes);
  }

  /**
   * Negative indexes count from the end; then both ends are clamped into the string. An end before
   * the start, or an empty string, gives the empty range.
   */
  static BitRange of(long start, long end, boolean bitUnit, int lengthBytes) {
    long total = bitUnit ? lengthBytes * 8L : lengthBytes;
    start = Math.max(0, start < 0 ? total + start : start);
    end = Math.min(total - 1, Math.max(0, end < 0 ? total + end : end));
    if (start > end) {
      return EMPTY;
    }
    return bitUnit ? new BitRange(start, end) : new BitRange(start * 8, end * 8 + 7);
  }

  /** True for {@code BIT}, false for {@code BYTE}, in any case; anything else is a syntax error. */
  static boolean isBitUnit(CommandArgs args, int index) {
    if (args.is(index, "BIT")) {
      return true;
    }
    if (args.is(index, "BYTE")) {
      return false;
    }
    throw new CommandException(ErrorReplies.SYNTAX);
  }

  boolean isEmpty() {
    return first > last;
  }
}
