package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.Arrays;

/**
 * The bit offset argument of SETBIT, GETBIT and BITFIELD: a whole number of bits below 2^32, so
 * that the byte it lands in stays under the 512 MB string limit. BITFIELD also takes {@code #n},
 * meaning the n-th field of its width.
 */
final class BitOffsets {
  static final Reply OUT_OF_RANGE = Replies.error("ERR bit offset is not an integer or out of range");

  private BitOffsets() {}

  static long parse(byte[] arg) {
    return parse(arg, 0);
  }

  /** With {@code fieldWidth > 0} the {@code #n} form is accepted and stands for n * fieldWidth. */
  static long parse(byte[] arg, int fieldWidth) {
    boolean fields = fieldWidth > 0 && arg.length > 0 && arg[0] == '#';
    Long value = RedisNumbers.parseLong(fields ? Arrays.copyOfRange(arg, 1, arg.length) : arg);
    if (value == null) {
      throw new CommandException(OUT_OF_RANGE);
    }
    // Redis multiplies without an overflow check, so a huge #n wraps around before the range
    // check below; Java's long multiplication wraps the same way, and we answer as Redis does.
    long offset = fields ? value * fieldWidth : value;
    if (offset < 0 || (offset >>> 3) >= Strings.MAX_LENGTH) {
      throw new CommandException(OUT_OF_RANGE);
    }
    return offset;
  }
}
