package io.slotraft.node.catalog;

import java.math.BigDecimal;
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
   * Redis's float argument parsing: decimal or exponent notation, "inf"/"-inf"/"+inf" accepted, NaN
   * and surrounding spaces rejected. Returns null when not a number.
   */
  public static Double parseDouble(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > 5000) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
      return null;
    }
    switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        return null;
      }
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isNaN(value) ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * How Redis prints a long double result of INCRBYFLOAT: plain decimal, at most 17 significant
   * digits, no exponent, trailing zeros removed.
   */
  public static String formatIncrFloat(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e17) {
      return Long.toString((long) value);
    }
    BigDecimal decimal = new BigDecimal(value).round(new java.math.MathContext(17));
    String text = decimal.stripTrailingZeros().toPlainString();
    return text;
  }

  /** How Redis prints a double reply in RESP2 (%.17g, shortest form that round-trips). */
  public static String formatDouble(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e17) {
      return Long.toString((long) value);
    }
    String text = Double.toString(value);
    if (text.contains("E")) {
      return new BigDecimal(value).round(new java.math.MathContext(17)).stripTrailingZeros().toString()
          .replace("E+", "e+").replace("E-", "e-");
    }
    return text;
  }
}
