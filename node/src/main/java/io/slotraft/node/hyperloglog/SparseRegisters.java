package io.slotraft.node.hyperloglog;

/**
 * The sparse encoding: after the header, runs of registers as opcodes, which must cover exactly the
 * 16384 registers in order.
 *
 * <pre>
 * 00xxxxxx           ZERO:  1 to 64 registers at 0 (x + 1)
 * 01xxxxxx yyyyyyyy  XZERO: 1 to 16384 registers at 0 (the 14 bits xy, + 1)
 * 1vvvvvxx           VALUE: 1 to 4 registers (x + 1) at value 1 to 32 (v + 1)
 * </pre>
 */
final class SparseRegisters {
  static final int MAX_VALUE = 32;
  static final int MAX_VALUE_RUN = 4;
  static final int MAX_ZERO_RUN = 64;
  /** Past this length a sketch turns dense, as with Redis's default hll-sparse-max-bytes. */
  static final int MAX_BYTES = 3000;

  /** Receives the runs of a sketch in register order. */
  interface RunVisitor {
    void visit(int first, int length, int value);
  }

  private SparseRegisters() {}

  static boolean isZero(byte op) {
    return (op & 0xC0) == 0;
  }

  static boolean isXZero(byte op) {
    return (op & 0xC0) == 0x40;
  }

  static boolean isValue(byte op) {
    return (op & 0x80) != 0;
  }

  static int length(byte op) {
    return isXZero(op) ? 2 : 1;
  }

  static int zeroRun(byte op) {
    return (op & 0x3F) + 1;
  }

  static int xzeroRun(byte high, byte low) {
    return (((high & 0x3F) << 8) | (low & 0xFF)) + 1;
  }

  static int value(byte op) {
    return ((op >>> 2) & 0x1F) + 1;
  }

  static int valueRun(byte op) {
    return (op & 3) + 1;
  }

  static byte valueOp(int value, int run) {
    return (byte) (0x80 | (value - 1) << 2 | (run - 1));
  }

  static byte zeroOp(int run) {
    return (byte) (run - 1);
  }

  static void putXZero(byte[] s, int at, int run) {
    s[at] = (byte) (0x40 | (run - 1) >>> 8);
    s[at + 1] = (byte) (run - 1);
  }

  /** The opcodes of {@code s} before {@code end}, in order; throws unless they cover exactly every register. */
  static void forEachRun(byte[] s, int end, RunVisitor visitor) {
    int index = 0;
    int at = HllLayout.HEADER_SIZE;
    while (at < end) {
      byte op = s[at];
      if (isXZero(op) && at + 1 >= end) {
        throw new CorruptHllException();
      }
      int run = isValue(op) ? valueRun(op) : isZero(op) ? zeroRun(op) : xzeroRun(op, s[at + 1]);
      if (index + run > HllLayout.REGISTERS) {
        throw new CorruptHllException();
      }
      visitor.visit(index, run, isValue(op) ? value(op) : 0);
      index += run;
      at += length(op);
    }
    if (index != HllLayout.REGISTERS) {
      throw new CorruptHllException();
    }
  }

  static void foldInto(byte[] s, byte[] max) {
    forEachRun(s, s.length, (first, length, value) -> {
      for (int i = first; i < first + length; i++) {
        max[i] = (byte) Math.max(max[i], value);
      }
    });
  }

  static void addToHistogram(byte[] s, int[] histogram) {
    forEachRun(s, s.length, (first, length, value) -> histogram[value] += length);
  }

  /** The same registers, dense; the header is kept but for the encoding, as Redis converts. */
  static byte[] toDense(byte[] s, int end) {
    byte[] dense = new byte[HllLayout.DENSE_SIZE];
    System.arraycopy(s, 0, dense, 0, HllLayout.HEADER_SIZE);
    HllLayout.setEncoding(dense, HllLayout.DENSE);
    forEachRun(s, end, (first, length, value) -> {
      for (int i = first; value != 0 && i < first + length; i++) {
        DenseRegisters.set(dense, i, value);
      }
    });
    return dense;
  }
}
