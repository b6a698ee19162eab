package io.slotraft.node.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Reads a float argument as Redis does (C's strtold on the whole string): decimal with an optional
 * exponent, hexadecimal with an optional binary exponent ("0x1.8p3"), or inf/infinity, each with an
 * optional sign. Refused: leading or trailing bytes that are not part of the number, NaN, values
 * that overflow or that round to zero, and strings of 5120 bytes or more.
 */
final class LongDoubleParser {
  /** Redis's MAX_LONG_DOUBLE_CHARS: its parse buffer holds one byte less, for the terminator. */
  private static final int MAX_LENGTH = 5 * 1024 - 1;

  private LongDoubleParser() {}

  /** The number, or null when the bytes are not one. */
  static LongDouble parse(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
      return null;
    }
    for (byte b : bytes) {
      if (b <= ' ' || b >= 0x7F) {
        return null;
      }
    }
    String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
    boolean negative = text.startsWith("-");
    String unsigned = negative || text.startsWith("+") ? text.substring(1) : text;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return LongDouble.notFinite();
    }
    BigDecimal magnitude = unsigned.startsWith("0x") ? hex(unsigned.substring(2)) : decimal(unsigned);
    if (magnitude == null) {
      return null;
    }
    return LongDouble.ofExact(negative ? magnitude.negate() : magnitude);
  }

  private static BigDecimal decimal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = c >= '0' && c <= '9' || c == '.' || c == 'e' || c == '-' || c == '+';
      // A second sign can only follow the exponent's 'e'.
      if (!allowed || (c == '-' || c == '+') && (i == 0 || text.charAt(i - 1) != 'e')) {
        return null;
      }
    }
    try {
      BigDecimal value = new BigDecimal(text);
      return tooFarOut(value) ? null : value;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** Hex digits with an optional point, then an optional "p" and a signed decimal power of two. */
  private static BigDecimal hex(String text) {
    int p = text.indexOf('p');
    String digits = p < 0 ? text : text.substring(0, p);
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point) + digits.substring(point + 1);
    if (whole.isEmpty() || whole.indexOf('.') >= 0 || !whole.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return null;
    }
    long power = -4L * (point < 0 ? 0 : digits.length() - point - 1);
    if (p >= 0) {
      Long exponent = binaryExponent(text.substring(p + 1));
      if (exponent == null) {
        return null;
      }
      power += exponent;
    }
    BigInteger significand = new BigInteger(whole, 16);
    if (significand.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long top = significand.bitLength() + power;
    if (top > 16400 || top < -16600) {
      return null;
    }
    return LongDouble.timesPowerOfTwo(new BigDecimal(significand), (int) power);
  }

  private static Long binaryExponent(String text) {
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    long value = Long.parseLong(digits);
    return text.startsWith("-") ? -value : value;
  }

  /** Decimal exponents far beyond any long double: refused before any exact arithmetic on them. */
  private static boolean tooFarOut(BigDecimal value) {
    if (value.signum() == 0) {
      return false;
    }
    long magnitude = (long) value.precision() - value.scale();
    return magnitude > 4940 || magnitude < -4960;
  }
}
