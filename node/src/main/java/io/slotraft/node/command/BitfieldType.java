package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.Arrays;

/**
 * A BITFIELD integer type: {@code i1} to {@code i64} (two's complement) or {@code u1} to {@code u63}.
 * u64 is refused because its values would not fit the signed 64-bit integers of the replies.
 */
record BitfieldType(boolean signed, int bits) {
  static final Reply INVALID = Replies.error(
      "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");

  /** Lower-case {@code i} or {@code u} only, then the width written as Redis writes integers. */
  static BitfieldType parse(byte[] arg) {
    if (arg.length == 0 || (arg[0] != 'i' && arg[0] != 'u')) {
      throw new CommandException(INVALID);
    }
    boolean signed = arg[0] == 'i';
    Long bits = RedisNumbers.parseLong(Arrays.copyOfRange(arg, 1, arg.length));
    if (bits == null || bits < 1 || bits > (signed ? 64 : 63)) {
      throw new CommandException(INVALID);
    }
    return new BitfieldType(signed, bits.intValue());
  }

  long min() {
    return signed ? -1L << (bits - 1) : 0;
  }

  long max() {
    return signed ? ~(-1L << (bits - 1)) : ~(-1L << bits);
  }

  /** The value these bits hold when {@code raw}'s low bits are all that is kept: modulo 2^bits. */
  long wrap(long raw) {
    if (bits == 64) {
      return raw;
    }
    return signed ? raw << (64 - bits) >> (64 - bits) : raw & max();
  }

  long read(byte[] bytes, long offset) {
    return wrap(Bits.readField(bytes, offset, bits));
  }

  void write(byte[] bytes, long offset, long value) {
    Bits.writeField(bytes, offset, bits, value);
  }

  /**
   * Where a value given to SET lies against this type: -1 below, 0 inside, 1 above. An unsigned
   * type reads a negative value as the huge unsigned number it is in two's complement, as Redis
   * does, so it lies above: SET u8 with -1 saturates to 255.
   */
  int sideOf(long value) {
    if (!signed && value < 0) {
      return 1;
    }
    return value < min() ? -1 : value > max() ? 1 : 0;
  }

  /** Where the exact sum {@code current + increment} lies against this type, as {@link #sideOf}. */
  int sideOfSum(long current, long increment) {
    try {
      long sum = Math.addExact(current, increment);
      return sum < min() ? -1 : sum > max() ? 1 : 0;
    } catch (ArithmeticException beyond64Bits) {
      return increment > 0 ? 1 : -1;
    }
  }
}
