package io.slotraft.node.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A number as C's {@code long double} holds it on x86-64 Linux (x87 extended precision: a 64-bit
 * significand, exponents up to 16383), which is what Redis's INCRBYFLOAT computes in. Java's double
 * is not enough: Redis answers "5.6" for 10.6 + -5, a double "5.5999999999999996". Values are kept
 * exactly as BigDecimal and rounded to 64 significant bits after parsing and after each addition.
 *
 * @param value the exact value, or null when it is infinite or NaN
 */
record LongDouble(BigDecimal value) {
  private static final int SIGNIFICAND_BITS = 64;
  /** Every finite value is below 2^16384. */
  private static final int MAX_EXPONENT = 16383;
  /** Below 2^-16382 values are subnormal: fewer significant bits, a fixed absolute precision. */
  private static final int MIN_EXPONENT = -16382;
  private static final double LOG2_10 = Math.log(10) / Math.log(2);
  static final LongDouble ZERO = new LongDouble(BigDecimal.ZERO);
  private static final LongDouble NOT_FINITE = new LongDouble(null);
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  static LongDouble notFinite() {
    return NOT_FINITE;
  }

  boolean isFinite() {
    return value != null;
  }

  /**
   * The exact value rounded to the nearest long double, or null where C's strtold reports a range
   * error that Redis refuses: an overflow, or a non-zero value that rounds to zero.
   */
  static LongDouble ofExact(BigDecimal exact) {
    LongDouble rounded = round(exact);
    if (!rounded.isFinite() || rounded.value.signum() == 0 && exact.signum() != 0) {
      return null;
    }
    return rounded;
  }

  LongDouble plus(LongDouble other) {
    return isFinite() && other.isFinite() ? round(value.add(other.value)) : NOT_FINITE;
  }

  /**
   * Redis's human form: C's "%.17Lf" (17 decimals, ties to even), then trailing zeros and a
   * trailing point removed, and "-0" written "0".
   */
  String toHumanString() {
    String text = value.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    if (text.charAt(end - 1) == '.') {
      end--;
    }
    text = text.substring(0, end);
    return text.equals("-0") ? "0" : text;
  }

  /** Rounds to 64 significant bits, half to even; beyond the largest finite value it is infinite. */
  private static LongDouble round(BigDecimal exact) {
    if (exact.signum() == 0) {
      return ZERO;
    }
    int exponent = exponentOf(exact);
    if (exponent > MAX_EXPONENT) {
      return NOT_FINITE;
    }
    int shift = SIGNIFICAND_BITS - 1 - Math.max(exponent, MIN_EXPONENT);
    BigInteger significand = timesPowerOfTwo(exact, shift).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
    BigDecimal rounded = timesPowerOfTwo(new BigDecimal(significand), -shift);
    return exponentOf(rounded) > MAX_EXPONENT ? NOT_FINITE : new LongDouble(rounded);
  }

  /** floor(log2(|v|)) for v != 0, exactly. */
  static int exponentOf(BigDecimal v) {
    BigInteger unscaled = v.unscaledValue().abs();
    int drop = Math.max(0, unscaled.bitLength() - 60);
    double log2 = Math.log(unscaled.shiftRight(drop).doubleValue()) / Math.log(2) + drop - v.scale() * LOG2_10;
    if (log2 > MAX_EXPONENT + 2) {
      return MAX_EXPONENT + 1;
    }
    if (log2 < MIN_EXPONENT - 200) {
      return MIN_EXPONENT - 200;
    }
    // The estimate is within one or two of the truth; settle it exactly.
    int exponent = (int) Math.floor(log2);
    BigDecimal abs = v.abs();
    while (timesPowerOfTwo(abs, -exponent).compareTo(BigDecimal.ONE) < 0) {
      exponent--;
    }
    while (timesPowerOfTwo(abs, -exponent - 1).compareTo(BigDecimal.ONE) >= 0) {
      exponent++;
    }
    return exponent;
  }

  /** v * 2^n, exactly (a division by a power of two always terminates in decimal). */
  static BigDecimal timesPowerOfTwo(BigDecimal v, int n) {
    if (n >= 0) {
      return v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(n)));
    }
    return v.multiply(new BigDecimal(FIVE.pow(-n))).scaleByPowerOfTen(n);
  }
}
