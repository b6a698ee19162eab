package io.slotraft.node.session;

import java.util.Locale;

/**
 * Redis's glob matching: {@code *} any run, {@code ?} one character, {@code [abc]}, {@code [a-z]}
 * and {@code [^...]} classes, and {@code \} to take the next character literally.
 */
final class GlobPattern {
  private GlobPattern() {}

  static boolean matchesIgnoringCase(String pattern, String text) {
    return match(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
  }

  private static boolean match(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        return matchStar(pattern, p, text, t);
      }
      if (t >= text.length()) {
        return false;
      }
      if (c == '[') {
        int end = classEnd(pattern, p);
        if (!classMatches(pattern, p + 1, end, text.charAt(t))) {
          return false;
        }
        p = end + 1;
      } else if (c == '?') {
        p++;
      } else {
        if (c == '\\' && p + 1 < pattern.length()) {
          c = pattern.charAt(++p);
        }
        if (c != text.charAt(t)) {
          return false;
        }
        p++;
      }
      t++;
    }
    return t == text.length();
  }

  private static boolean matchStar(String pattern, int p, String text, int t) {
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    if (p == pattern.length()) {
      return true;
    }
    for (int from = t; from <= text.length(); from++) {
      if (match(pattern, p, text, from)) {
        return true;
      }
    }
    return false;
  }

  /** The index of the class's closing ']', or the pattern's end when it has none (as Redis). */
  private static int classEnd(String pattern, int open) {
    int i = open + 1;
    while (i < pattern.length() && pattern.charAt(i) != ']') {
      i += pattern.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i, pattern.length());
  }

  private static boolean classMatches(String pattern, int from, int end, char c) {
    boolean negated = from < end && pattern.charAt(from) == '^';
    boolean found = false;
    for (int i = negated ? from + 1 : from; i < end; i++) {
      char first = pattern.charAt(i);
      if (first == '\\' && i + 1 < end) {
        found |= pattern.charAt(++i) == c;
      } else if (i + 2 < end && pattern.charAt(i + 1) == '-') {
        char last = pattern.charAt(i + 2);
        found |= c >= Math.min(first, last) && c <= Math.max(first, last);
        i += 2;
      } else {
        found |= first == c;
      }
    }
    return found != negated;
  }
}
