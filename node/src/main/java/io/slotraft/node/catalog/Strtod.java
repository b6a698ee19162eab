package io.slotraft.node.catalog;

import java.nio.charset.StandardCharsets;

/**
 * Reads a number the way C's {@code strtod} does in the C locale, because Redis hands its float
 * arguments to strtod and then judges what it consumed: leading white space, a sign, decimal or
 * hexadecimal ({@code 0x1.8p3}, the exponent optional) digits, {@code inf}, {@code infinity} and
 * {@code nan} in any case. The digits themselves are converted by {@link Double#parseDouble}, which
 * rounds correctly as glibc does, once this class has checked that they follow C's grammar (Java's
 * own grammar differs: it allows a trailing {@code d}, surrounding spaces, and needs {@code p}).
 */
public final class Strtod {
  /**
   * @param value the number, NaN for a "nan" input; 0 when nothing was read
   * @param end index after the last byte read; the start index when nothing was read
   * @param outOfRange what strtod reports as ERANGE: a finite input too large for a double, or one
   *     too small to be told from zero
   */
  public record Result(double value, int end, boolean outOfRange) {}

  private static final int MAX_EXPONENT_DIGITS = 9;

  private final byte[] text;
  private int at;

  private Strtod(byte[] text, int from) {
    this.text = text;
    this.at = from;
  }

  /** Reads a number starting at {@code from}; never fails, as strtod never does. */
  public static Result parse(byte[] text, int from) {
    return new Strtod(text, from).read(from);
  }

  private Result read(int from) {
    while (at < text.length && isSpace(text[at])) {
      at++;
    }
    boolean negative = at < text.length && text[at] == '-';
    if (at < text.length && (text[at] == '-' || text[at] == '+')) {
      at++;
    }
    Result named = readNamed(negative);
    if (named != null) {
      return named;
    }
    Result number = isHexStart() ? readHex(negative) : readDecimal(negative);
    return number != null ? number : new Result(0, from, false);
  }

  /** "inf", "infinity" or "nan" with an optional "(chars)", any case; null when none is there. */
  private Result readNamed(boolean negative) {
    if (matches("infinity")) {
      at += 8;
      return new Result(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, at, false);
    }
    if (matches("inf")) {
      at += 3;
      return new Result(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, at, false);
    }
    if (!matches("nan")) {
      return null;
    }
    at += 3;
    int close = at;
    if (close < text.length && text[close] == '(') {
      close++;
      while (close < text.length && isNanChar(text[close])) {
        close++;
      }
      if (close < text.length && text[close] == ')') {
        at = close + 1;
      }
    }
    return new Result(Double.NaN, at, false);
  }

  private Result readDecimal(boolean negative) {
    int start = at;
    int digits = skipDigits(false);
    boolean nonZero = hasNonZeroDigit(start, at);
    if (at < text.length && text[at] == '.') {
      int fraction = at + 1;
      at++;
      digits += skipDigits(false);
      nonZero |= hasNonZeroDigit(fraction, at);
    }
    if (digits == 0) {
      return null;
    }
    int mantissaEnd = at;
    String exponent = readExponent('e', 'E');
    String literal = new String(text, start, mantissaEnd - start, StandardCharsets.US_ASCII);
    double magnitude = Double.parseDouble(literal + (exponent.isEmpty() ? "" : "e" + exponent));
    return result(negative, magnitude, nonZero);
  }

  private Result readHex(boolean negative) {
    at += 2;
    int start = at;
    skipDigits(true);
    String whole = ascii(start, at);
    String fraction = "";
    if (at < text.length && text[at] == '.') {
      int fractionStart = ++at;
      skipDigits(true);
      fraction = ascii(fractionStart, at);
    }
    String mantissa = whole + fraction;
    boolean nonZero = mantissa.chars().anyMatch(c -> c != '0');
    String exponent = readExponent('p', 'P');
    String literal = "0x" + (whole.isEmpty() ? "0" : whole) + "." + fraction + "p" + (exponent.isEmpty() ? "0" : exponent);
    return result(negative, Double.parseDouble(literal), nonZero);
  }

  /** "0x" followed by a hex digit, or by '.' and a hex digit; otherwise the "0" alone is decimal. */
  private boolean isHexStart() {
    if (at + 2 >= text.length || text[at] != '0' || (text[at + 1] != 'x' && text[at + 1] != 'X')) {
      return false;
    }
    int next = at + 2;
    if (text[next] == '.') {
      next++;
    }
    return next < text.length && Character.digit(text[next], 16) >= 0;
  }

  /**
   * An exponent after its marker, as "+12" or "-3" text, or "" when there is none: the marker is
   * only part of the number when at least one digit follows it. An exponent with more digits than
   * any double needs is clamped, keeping its sign, so Java's parser sees a number it can handle.
   */
  private String readExponent(char lower, char upper) {
    if (at >= text.length || (text[at] != lower && text[at] != upper)) {
      return "";
    }
    int p = at + 1;
    boolean negative = p < text.length && text[p] == '-';
    if (p < text.length && (text[p] == '-' || text[p] == '+')) {
      p++;
    }
    int digitsStart = p;
    while (p < text.length && text[p] >= '0' && text[p] <= '9') {
      p++;
    }
    if (p == digitsStart) {
      return "";
    }
    at = p;
    String digits = ascii(digitsStart, p).replaceFirst("^0+(?=.)", "");
    if (digits.length() > MAX_EXPONENT_DIGITS) {
      digits = "999999999";
    }
    return (negative ? "-" : "+") + digits;
  }

  private Result result(boolean negative, double magnitude, boolean nonZeroDigits) {
    boolean outOfRange = Double.isInfinite(magnitude) || (magnitude == 0 && nonZeroDigits);
    return new Result(negative ? -magnitude : magnitude, at, outOfRange);
  }

  private int skipDigits(boolean hex) {
    int start = at;
    while (at < text.length && (hex ? Character.digit(text[at], 16) >= 0 : text[at] >= '0' && text[at] <= '9')) {
      at++;
    }
    return at - start;
  }

  private boolean hasNonZeroDigit(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] != '0') {
        return true;
      }
    }
    return false;
  }

  private boolean matches(String word) {
    if (at + word.length() > text.length) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.toLowerCase(text[at + i]) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String ascii(int from, int to) {
    return new String(text, from, to - from, StandardCharsets.US_ASCII);
  }

  /** What may stand between the parentheses of "nan(...)": ASCII letters, digits and '_'. */
  private static boolean isNanChar(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
  }

  /** C's isspace in the C locale. */
  static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }
}
