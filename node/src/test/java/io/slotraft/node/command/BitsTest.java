package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte- and word-at-a-time paths of {@link Bits} against a plain bit-by-bit reading, on random
 * strings long enough to take them, with ranges starting and ending anywhere inside a byte.
 */
class BitsTest {
  private static final int CASES = 20_000;

  @Test
  void countAndFindAgreeWithABitByBitReading() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = randomBytes(random);
      long bits = bytes.length * 8L;
      long first = random.nextLong(bits);
      long last = first + random.nextLong(bits - first);
      String where = "case " + i + " [" + first + ", " + last + "] of " + bytes.length + " bytes";
      assertEquals(slowCount(bytes, first, last), Bits.count(bytes, first, last), where);
      for (int bit = 0; bit <= 1; bit++) {
        assertEquals(slowFind(bytes, bit, first, last), Bits.find(bytes, bit, first, last), where + " bit " + bit);
      }
    }
  }

  @Test
  void fieldsRoundTripAtAnyOffsetAndWidth() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = randomBytes(random);
      int width = 1 + random.nextInt(64);
      long offset = random.nextLong(bytes.length * 8L - width + 1);
      long value = random.nextLong();
      Bits.writeField(bytes, offset, width, value);
      long mask = width == 64 ? -1 : (1L << width) - 1;
      assertEquals(value & mask, Bits.readField(bytes, offset, width), "width " + width + " at " + offset);
    }
  }

  /** Mostly zero or all-one bytes, so that find has long stretches to skip. */
  private static byte[] randomBytes(SplittableRandom random) {
    byte[] bytes = new byte[8 + random.nextInt(60)];
    int fill = random.nextInt(3);
    for (int i = 0; i < bytes.length; i++) {
      int roll = random.nextInt(10);
      bytes[i] = (byte) (roll == 0 ? random.nextInt(256) : fill == 0 ? 0 : fill == 1 ? 0xFF : random.nextInt(256));
    }
    return bytes;
  }

  private static long slowCount(byte[] bytes, long first, long last) {
    long count = 0;
    for (long i = first; i <= last; i++) {
      count += bit(bytes, i);
    }
    return count;
  }

  private static long slowFind(byte[] bytes, int bit, long first, long last) {
    for (long i = first; i <= last; i++) {
      if (bit(bytes, i) == bit) {
        return i;
      }
    }
    return -1;
  }

  private static int bit(byte[] bytes, long offset) {
    return (bytes[(int) (offset / 8)] >> (7 - (int) (offset % 8))) & 1;
  }
}
