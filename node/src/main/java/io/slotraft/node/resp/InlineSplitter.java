package io.slotraft.node.resp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline request (what a person types into telnet) into arguments. Words are separated
 * by white space; a word may contain "double quoted" parts, where \n \r \t \b \a \" \\ and \xHH
 * are escapes, and 'single quoted' parts, where only \' is. A closing quote must end the word.
 */
final class InlineSplitter {
  private InlineSplitter() {}

  /** The arguments of one line (without its line end), or null when a quote is left open. */
  static List<byte[]> split(byte[] line) {
    List<byte[]> words = new ArrayList<>();
    ByteArrayOutputStream word = new ByteArrayOutputStream();
    int i = skipSpaces(line, 0);
    while (i < line.length) {
      word.reset();
      i = readWord(line, i, word);
      if (i < 0) {
        return null;
      }
      words.add(word.toByteArray());
      i = skipSpaces(line, i);
    }
    return words;
  }

  private static int readWord(byte[] line, int i, ByteArrayOutputStream word) {
    while (i < line.length && !isSpace(line[i])) {
      byte c = line[i];
      if (c != '"' && c != '\'') {
        word.write(c);
        i++;
        continue;
      }
      i = c == '"' ? readDoubleQuoted(line, i + 1, word) : readSingleQuoted(line, i + 1, word);
      // "a"b is refused rather than guessed at: the quote must close the word.
      if (i < 0 || (i < line.length && !isSpace(line[i]))) {
        return -1;
      }
    }
    return i;
  }

  /** Reads up to and past the closing quote; -1 when there is none. */
  private static int readDoubleQuoted(byte[] line, int i, ByteArrayOutputStream word) {
    while (i < line.length) {
      byte c = line[i];
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 3 < line.length && line[i + 1] == 'x'
          && hexValue(line[i + 2]) >= 0 && hexValue(line[i + 3]) >= 0) {
        word.write(hexValue(line[i + 2]) * 16 + hexValue(line[i + 3]));
        i += 4;
      } else if (c == '\\' && i + 1 < line.length) {
        word.write(unescape(line[i + 1]));
        i += 2;
      } else {
        word.write(c);
        i++;
      }
    }
    return -1;
  }

  private static int readSingleQuoted(byte[] line, int i, ByteArrayOutputStream word) {
    while (i < line.length) {
      byte c = line[i];
      if (c == '\'') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length && line[i + 1] == '\'') {
        word.write('\'');
        i += 2;
      } else {
        word.write(c);
        i++;
      }
    }
    return -1;
  }

  private static byte unescape(byte c) {
    return switch (c) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'b' -> '\b';
      case 'a' -> 7;
      default -> c;
    };
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static int skipSpaces(byte[] line, int i) {
    while (i < line.length && isSpace(line[i])) {
      i++;
    }
    return i;
  }

  /** C's isspace in the C locale. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
