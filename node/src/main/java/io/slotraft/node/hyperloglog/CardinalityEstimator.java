package io.slotraft.node.hyperloglog;

/**
 * The improved raw estimator of O. Ertl, "New cardinality estimation algorithms for HyperLogLog
 * sketches" (arXiv:1702.01284), which Redis uses since 5.0. It needs only the histogram of register
 * values and stays unbiased from tiny to huge cardinalities, with no bias tables and no switch to
 * linear counting. Computed in the same order of double operations as Redis, so that both answer
 * the same integer for the same registers.
 */
final class CardinalityEstimator {
  /** alpha at infinity, 1 / (2 ln 2). */
  private static final double ALPHA_INF = 0.721347520444481703680;
  private static final double M = HllLayout.REGISTERS;
  private static final int Q = HllLayout.RANK_BITS;

  private CardinalityEstimator() {}

  /** @param histogram count of registers per value, indexed by value (64 entries for 6-bit registers) */
  static long estimate(int[] histogram) {
    double z = M * tau((M - histogram[Q + 1]) / M);
    for (int value = Q; value >= 1; value--) {
      z += histogram[value];
      z *= 0.5;
    }
    z += M * sigma(histogram[0] / M);
    return Math.round(ALPHA_INF * M * M / z);
  }

  /** The paper's sigma(x) = x + sum over k >= 1 of x^(2^k) 2^(k-1), summed until it stops changing. */
  private static double sigma(double x) {
    if (x == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    double y = 1.0;
    double z = x;
    double previous;
    do {
      x *= x;
      previous = z;
      z += x * y;
      y += y;
    } while (previous != z);
    return z;
  }

  /** The paper's tau(x) = (1 - x - sum over k >= 1 of (1 - x^(2^-k))^2 2^-k) / 3, likewise. */
  private static double tau(double x) {
    if (x == 0.0 || x == 1.0) {
      return 0.0;
    }
    double y = 1.0;
    double z = 1 - x;
    double previous;
    do {
      x = Math.sqrt(x);
      previous = z;
      y *= 0.5;
      double gap = 1 - x;
      z -= gap * gap * y;
    } while (previous != z);
    return z / 3;
  }
}
