package io.slotraft.node.hyperloglog;

/**
 * The dense encoding: after the header, 16384 registers of 6 bits packed from the least significant
 * bit of each byte up, register i starting at bit 6i. A register may straddle two bytes.
 */
final class DenseRegisters {
  private static final int MASK = (1 << HllLayout.REGISTER_BITS) - 1;

  private DenseRegisters() {}

  static int get(byte[] s, int index) {
    int bit = index * HllLayout.REGISTER_BITS;
    int at = HllLayout.HEADER_SIZE + (bit >>> 3);
    int shift = bit & 7;
    int value = (s[at] & 0xFF) >>> shift;
    if (shift > 8 - HllLayout.REGISTER_BITS) {
      value |= (s[at + 1] & 0xFF) << (8 - shift);
    }
    return value & MASK;
  }

  static void set(byte[] s, int index, int value) {
    int bit = index * HllLayout.REGISTER_BITS;
    int at = HllLayout.HEADER_SIZE + (bit >>> 3);
    int shift = bit & 7;
    s[at] = (byte) ((s[at] & ~(MASK << shift)) | (value << shift));
    if (shift > 8 - HllLayout.REGISTER_BITS) {
      int high = 8 - shift;
      s[at + 1] = (byte) ((s[at + 1] & ~(MASK >>> high)) | (value >>> high));
    }
  }

  /** Sets the register to {@code value} if that is higher; true when it changed. */
  static boolean raise(byte[] s, int index, int value) {
    if (get(s, index) >= value) {
      return false;
    }
    set(s, index, value);
    return true;
  }

  static void foldInto(byte[] s, byte[] max) {
    for (int i = 0; i < HllLayout.REGISTERS; i++) {
      max[i] = (byte) Math.max(max[i], get(s, i));
    }
  }

  static void addToHistogram(byte[] s, int[] histogram) {
    for (int i = 0; i < HllLayout.REGISTERS; i++) {
      histogram[get(s, i)]++;
    }
  }
}
