package io.slotraft.node.hyperloglog;

/**
 * Reads sketches stored as strings, never changing them. A string is a sketch when {@link
 * #isSketch} says so; the other methods expect one and throw {@link CorruptHllException} when its
 * sparse registers turn out not to add up.
 */
public final class HllStrings {
  public static final int REGISTERS = HllLayout.REGISTERS;

  private HllStrings() {}

  public static boolean isSketch(byte[] s) {
    return HllLayout.isSketch(s);
  }

  public static boolean isDense(byte[] s) {
    return HllLayout.isDense(s);
  }

  /** The estimated cardinality: the cached one when the header holds a valid one, as Redis answers. */
  public static long count(byte[] s) {
    if (HllLayout.hasCachedCount(s)) {
      return HllLayout.cachedCount(s);
    }
    int[] histogram = new int[1 << HllLayout.REGISTER_BITS];
    if (isDense(s)) {
      DenseRegisters.addToHistogram(s, histogram);
    } else {
      SparseRegisters.addToHistogram(s, histogram);
    }
    return CardinalityEstimator.estimate(histogram);
  }

  /** Raises each {@code max[i]} to register i of the sketch: the union, register by register. */
  public static void foldInto(byte[] s, byte[] max) {
    if (isDense(s)) {
      DenseRegisters.foldInto(s, max);
    } else {
      SparseRegisters.foldInto(s, max);
    }
  }

  /** The estimated cardinality of bare registers, one byte each, as {@link #foldInto} leaves them. */
  public static long countRegisters(byte[] registers) {
    int[] histogram = new int[1 << HllLayout.REGISTER_BITS];
    for (byte register : registers) {
      histogram[register]++;
    }
    return CardinalityEstimator.estimate(histogram);
  }
}
