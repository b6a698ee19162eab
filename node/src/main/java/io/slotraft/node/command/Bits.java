package io.slotraft.node.command;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bit-level access to a string's bytes in Redis's order: bit 0 is the most significant bit of byte
 * 0, bit 8 the most significant bit of byte 1. Reads past the end see zero bits, as if the string
 * went on with zero bytes; writes expect the caller to have grown the array first.
 */
final class Bits {
  /** Eight bytes at a time for counting; the byte order does not change a population count. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Bits() {}

  static int get(byte[] bytes, long offset) {
    long index = offset >>> 3;
    if (index >= bytes.length) {
      return 0;
    }
    return (bytes[(int) index] >> (7 - (int) (offset & 7))) & 1;
  }

  static void set(byte[] bytes, long offset, int bit) {
    int index = (int) (offset >>> 3);
    int mask = 0x80 >>> (int) (offset & 7);
    bytes[index] = (byte) (bit == 0 ? bytes[index] & ~mask : bytes[index] | mask);
  }

  /** Set bits in [first, last], both inclusive and inside the string. */
  static long count(byte[] bytes, long first, long last) {
    long total = 0;
    long offset = first;
    while (offset <= last && (offset & 7) != 0) {
      total += get(bytes, offset++);
    }
    long wholeBytesEnd = (last + 1) >>> 3;
    if (offset >>> 3 < wholeBytesEnd) {
      total += countBytes(bytes, (int) (offset >>> 3), (int) wholeBytesEnd);
      offset = wholeBytesEnd << 3;
    }
    while (offset <= last) {
      total += get(bytes, offset++);
    }
    return total;
  }

  private static long countBytes(byte[] bytes, int from, int to) {
    long total = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      total += Long.bitCount((long) LONGS.get(bytes, i));
    }
    for (; i < to; i++) {
      total += Integer.bitCount(bytes[i] & 0xFF);
    }
    return total;
  }

  /** The first offset in [first, last] whose bit equals {@code bit}, or -1. */
  static long find(byte[] bytes, int bit, long first, long last) {
    long offset = first;
    while (offset <= last) {
      if ((offset & 7) != 0 || offset + 7 > last) {
        if (get(bytes, offset) == bit) {
          return offset;
        }
        offset++;
        continue;
      }
      // A whole byte: skip it at once unless it holds the bit we look for.
      int value = bytes[(int) (offset >>> 3)] & 0xFF;
      int wanted = bit == 1 ? value : ~value & 0xFF;
      if (wanted != 0) {
        return offset + Integer.numberOfLeadingZeros(wanted) - 24;
      }
      offset += 8;
    }
    return -1;
  }

  /** {@code width} bits from {@code offset}, most significant first, as an unsigned number. */
  static long readField(byte[] bytes, long offset, int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = (value << 1) | get(bytes, offset + i);
    }
    return value;
  }

  /** Writes the low {@code width} bits of {@code value} from {@code offset}, most significant first. */
  static void writeField(byte[] bytes, long offset, int width, long value) {
    for (int i = 0; i < width; i++) {
      set(bytes, offset + i, (int) (value >>> (width - 1 - i)) & 1);
    }
  }
}
