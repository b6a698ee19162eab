package io.slotraft.node.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis's glob patterns on bytes, as KEYS and SCAN MATCH use them: {@code *} any run of bytes,
 * {@code ?} one byte, {@code [abc]}, {@code [^abc]} and {@code [a-z]} a class of one byte, and a
 * backslash to take the next byte literally. Redis's edge cases are kept: an unclosed class ends at
 * the end of the pattern, a reversed range {@code [z-a]} means {@code [a-z]}, a trailing backslash
 * is a literal backslash, bytes compare signed (as C's {@code char}), and an empty string matches
 * only the empty pattern and the pattern {@code "*"}.
 *
 * <p>The pattern is compiled once into one-byte tests and stars, and matched by backtracking to the
 * last star only, so a hostile pattern costs at most pattern length times key length steps.
 */
public final class GlobPattern {
  /** Tests one byte of the subject. A null element of {@link #tokens} is a star. */
  private interface ByteTest {
    boolean test(byte b);
  }

  private final ByteTest[] tokens;
  private final boolean everything;
  private final boolean empty;

  private GlobPattern(ByteTest[] tokens, boolean everything, boolean empty) {
    this.tokens = tokens;
    this.everything = everything;
    this.empty = empty;
  }

  public static GlobPattern compile(byte[] pattern) {
    boolean everything = pattern.length == 1 && pattern[0] == '*';
    return new GlobPattern(parse(pattern), everything, pattern.length == 0);
  }

  /** True for the pattern {@code "*"}, which KEYS and SCAN treat as no pattern at all. */
  public boolean matchesEverything() {
    return everything;
  }

  public boolean matches(byte[] subject) {
    if (everything) {
      return true;
    }
    if (subject.length == 0) {
      return empty;
    }
    int t = 0;
    int s = 0;
    int lastStar = -1;
    int resumeAt = 0;
    while (s < subject.length) {
      if (t < tokens.length && tokens[t] == null) {
        lastStar = t++;
        resumeAt = s;
      } else if (t < tokens.length && tokens[t].test(subject[s])) {
        t++;
        s++;
      } else if (lastStar >= 0) {
        // Let the last star swallow one more byte and retry what follows it.
        t = lastStar + 1;
        s = ++resumeAt;
      } else {
        return false;
      }
    }
    while (t < tokens.length && tokens[t] == null) {
      t++;
    }
    return t == tokens.length;
  }

  private static ByteTest[] parse(byte[] p) {
    List<ByteTest> tokens = new ArrayList<>();
    int i = 0;
    while (i < p.length) {
      byte c = p[i];
      if (c == '*') {
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != null) {
          tokens.add(null);
        }
        i++;
      } else if (c == '?') {
        tokens.add(b -> true);
        i++;
      } else if (c == '[') {
        i = parseClass(p, i + 1, tokens);
      } else {
        boolean escaped = c == '\\' && i + 1 < p.length;
        byte literal = escaped ? p[i + 1] : c;
        tokens.add(b -> b == literal);
        i += escaped ? 2 : 1;
      }
    }
    return tokens.toArray(new ByteTest[0]);
  }

  /** Parses a class from just after its '['; returns the index after it. */
  private static int parseClass(byte[] p, int i, List<ByteTest> tokens) {
    boolean negated = i < p.length && p[i] == '^';
    if (negated) {
      i++;
    }
    ByteClass byteClass = new ByteClass(negated);
    while (i < p.length && p[i] != ']') {
      if (p[i] == '\\' && i + 1 < p.length) {
        byteClass.add(p[i + 1], p[i + 1]);
        i += 2;
      } else if (i + 2 < p.length && p[i + 1] == '-') {
        byteClass.add(p[i], p[i + 2]);
        i += 3;
      } else {
        byteClass.add(p[i], p[i]);
        i++;
      }
    }
    tokens.add(byteClass);
    return Math.min(i + 1, p.length);
  }

  /** A set of byte ranges, optionally negated. */
  private static final class ByteClass implements ByteTest {
    private final boolean negated;
    private final List<byte[]> ranges = new ArrayList<>();

    ByteClass(boolean negated) {
      this.negated = negated;
    }

    void add(byte from, byte to) {
      ranges.add(from <= to ? new byte[] {from, to} : new byte[] {to, from});
    }

    @Override
    public boolean test(byte b) {
      for (byte[] range : ranges) {
        if (b >= range[0] && b <= range[1]) {
          return !negated;
        }
      }
      return negated;
    }
  }
}
