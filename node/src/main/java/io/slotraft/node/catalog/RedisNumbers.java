package io.slotraft.node.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Number parsing and printing exactly as Redis does it (string2ll, string2ld, %.17g-like output). */
public final class RedisNumbers {
  private RedisNumbers() {}

  /**
   * Redis's string2ll: optional '-', digits, no '+', no spaces, no leading zeros, within 64 bits.
   * Returns null when the bytes are not such a number.
   */
  public static Long parseLong(byte[] bytes) {
    int length = bytes.length;
    if (length == 0 || length > 20) {
      return null;
    }
    if (length == 1 && bytes[0] == '0') {
      return 0L;
    }
    int i = 0;
    boolean negative = false;
    if (bytes[0] == '-') {
      negative = true;
      i = 1;
      if (length == 1) {
        return null;
      }
    }
    if (bytes[i] < '1' || bytes[i] > '9') {
      return null;
    }
    long value = 0;
    for (; i < length; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      // Accumulate as a negative number so that Long.MIN_VALUE parses.
      if (value < (Long.MIN_VALUE + digit) / 10) {
        return null;
      }
      value = value * 10 - digit;
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        return null;
      }
      value = -value;
    }
    return value;
  }

  /**
   * A float argument as Redis reads one (a score, a weight, a value): what strtod reads must be the
   * whole argument, with no leading white space, not NaN, and not out of range unless written as
   * "inf" ("1e400" and "1e-400" are refused, "inf", "-infinity" and "0x1p3" accepted). Returns null
   * when it is not such a number.
   */
  public static Double parseDouble(byte[] bytes) {
    if (bytes.length == 0 || Strtod.isSpace(bytes[0])) {
      return null;
    }
    Strtod.Result read = Strtod.parse(bytes, 0);
    if (read.end() != bytes.length || Double.isNaN(read.value())) {
      return null;
    }
    if (read.outOfRange() && (Double.isInfinite(read.value()) || read.value() == 0)) {
      return null;
    }
    return read.value();
  }

  /**
   * How Redis 7.0 prints a double reply, RESP2 bulk and RESP3 double alike: C's {@code %.17g}
   * (17 significant digits, trailing zeros dropped, exponent form below 1e-4 and from 1e17), and
   * "inf", "-inf", "-0" for the special values. 0.1 prints as 0.10000000000000001, as in Redis 7.0.
   */
  public static String formatDouble(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e17) {
      // Integral and at most 17 digits: %.17g prints the integer (and "-0" for negative zero).
      return value == 0 && 1 / value < 0 ? "-0" : Long.toString((long) value);
    }
    // The exact binary value rounded to 17 digits, ties to even, as glibc's printf rounds.
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(17, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal stripped = rounded.stripTrailingZeros();
    if (exponent < -4 || exponent >= 17) {
      return scientific(stripped, exponent);
    }
    return stripped.toPlainString();
  }

  /** d.ddde+XX with at least two exponent digits, as printf's %e writes it. */
  private static String scientific(BigDecimal stripped, int exponent) {
    String digits = stripped.unscaledValue().abs().toString();
    StringBuilder text = new StringBuilder(digits.length() + 8);
    if (stripped.signum() < 0) {
      text.append('-');
    }
    text.append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      text.append('0');
    }
    return text.append(magnitude).toString();
  }
}
