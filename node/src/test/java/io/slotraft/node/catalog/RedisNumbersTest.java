package io.slotraft.node.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Float parsing and printing against golden tables written by glibc itself (see gen.py next to
 * them): Redis reads floats with strtod and, in 7.0, prints double replies with "%.17g".
 */
class RedisNumbersTest {

  @Test
  void strtodReadsWhatGlibcReads() throws IOException {
    List<String> mismatches = new ArrayList<>();
    List<String> lines = golden("strtod.txt");
    for (String line : lines) {
      String[] parts = line.split(" ");
      byte[] input = unescape(parts[0]);
      double expected = Double.longBitsToDouble(Long.parseUnsignedLong(parts[1], 16));
      int consumed = Integer.parseInt(parts[2]);
      boolean refused = parts[3].equals("1") && (expected == 0 || Double.isInfinite(expected));
      Strtod.Result read = Strtod.parse(input, 0);
      boolean sameValue = Double.isNaN(expected) ? Double.isNaN(read.value())
          : Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(read.value());
      boolean actuallyRefused = read.outOfRange() && (read.value() == 0 || Double.isInfinite(read.value()));
      if (!sameValue || consumed != read.end() || refused != actuallyRefused) {
        mismatches.add(line + " -> " + read);
      }
    }
    assertTrue(lines.size() >= 1200, "golden table read only " + lines.size() + " lines");
    assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())), mismatches.size() + " mismatches");
  }

  @Test
  void formatDoublePrintsWhatPrintfPrints() throws IOException {
    List<String> mismatches = new ArrayList<>();
    List<String> lines = golden("g17.txt");
    for (String line : lines) {
      String[] parts = line.split(" ");
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
      String actual = RedisNumbers.formatDouble(value);
      if (!actual.equals(parts[1])) {
        mismatches.add(line + " -> " + actual);
      }
    }
    assertTrue(lines.size() >= 3000, "golden table read only " + lines.size() + " lines");
    assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())), mismatches.size() + " mismatches");
  }

  @Test
  void scoresPrintAsRedisSevenPrintsThem() {
    assertEquals("1.5", RedisNumbers.formatDouble(1.5));
    assertEquals("inf", RedisNumbers.formatDouble(Double.POSITIVE_INFINITY));
    assertEquals("-inf", RedisNumbers.formatDouble(Double.NEGATIVE_INFINITY));
    assertEquals("3.0000000000000004", RedisNumbers.formatDouble(Math.nextUp(3.0)));
    assertEquals("0.10000000000000001", RedisNumbers.formatDouble(0.1));
    assertEquals("1e+17", RedisNumbers.formatDouble(1e17));
    assertEquals("-0", RedisNumbers.formatDouble(-0.0));
  }

  @Test
  void floatArgumentsFollowRedisRules() {
    assertEquals(16.0, RedisNumbers.parseDouble(bytes("0x10")));
    assertEquals(Double.POSITIVE_INFINITY, RedisNumbers.parseDouble(bytes("+inf")));
    assertEquals(Double.NEGATIVE_INFINITY, RedisNumbers.parseDouble(bytes("-Infinity")));
    assertEquals(4.9e-324, RedisNumbers.parseDouble(bytes("4.9e-324")), "a denormal is fine");
    for (String refused : List.of("", " 1", "1 ", "nan", "1e400", "-1e400", "1e-400", "1e", "x", "1,5", ".")) {
      assertNull(RedisNumbers.parseDouble(bytes(refused)), refused);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> golden(String name) throws IOException {
    try (InputStream in = RedisNumbersTest.class.getResourceAsStream(name)) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  /** The generator's escaping: printable bytes as is, others and backslash as \xHH, "" for empty. */
  private static byte[] unescape(String text) {
    if (text.equals("\"\"")) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.write(text.charAt(i));
      }
    }
    return out.toByteArray();
  }
}
