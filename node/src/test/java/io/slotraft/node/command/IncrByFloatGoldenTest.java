package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INCRBYFLOAT against a golden table made with the C library Redis uses (see incrbyfloat/oracle.c):
 * long double arithmetic, strtold's parsing and "%.17Lf" printing, for 1500 value pairs.
 */
class IncrByFloatGoldenTest {

  @Test
  void answersWhatRedisAnswersOnX86() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : goldenLines()) {
      String[] parts = line.split(" ");
      TestShard shard = new TestShard();
      shard.exec("SET", "k", parts[0]);
      String actual = ReplyText.of(shard.exec("INCRBYFLOAT", "k", parts[1]));
      String expected = switch (parts[2]) {
        case "NOTFLOAT" -> "(error) ERR value is not a valid float";
        case "NOTFINITE" -> "(error) ERR increment would produce NaN or Infinity";
        default -> "\"" + parts[2] + "\"";
      };
      if (!expected.equals(actual)) {
        mismatches.add(line + " -> " + actual);
      }
      checked++;
    }
    assertTrue(checked >= 1500, "golden table read only " + checked + " lines");
    assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())),
        mismatches.size() + " mismatches");
  }

  private static List<String> goldenLines() throws IOException {
    try (InputStream in = IncrByFloatGoldenTest.class.getResourceAsStream("incrbyfloat/golden.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
