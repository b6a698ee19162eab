package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "*        | anything  | true",
      "*        | ''        | true",
      "''       | ''        | true",
      "''       | a         | false",
      "**       | ''        | false",
      "h?llo    | hello     | true",
      "h?llo    | hllo      | false",
      "h*llo    | hllo      | true",
      "h*llo    | heeeello  | true",
      "h*llo    | hellox    | false",
      "*llo     | hello     | true",
      "he*      | he        | true",
      "a*b*c    | aXbYc     | true",
      "a*b*c    | aXbY      | false",
      "*a*a*a*b | aaaaaaaab | true",
      "*a*a*a*b | aaaaaaaaa | false",
      "h[ae]llo | hallo     | true",
      "h[ae]llo | hillo     | false",
      "h[^e]llo | hallo     | true",
      "h[^e]llo | hello     | false",
      "h[a-b]llo| hbllo     | true",
      "h[a-b]llo| hcllo     | false",
      "[z-a]    | m         | true",
      "[]       | ]         | false",
      "[^]      | x         | true",
      "[abc     | b         | true",
      "[abc     | d         | false",
      "[a-      | ]         | false",
      "[\\]]    | ]         | true",
      "[\\]]    | \\        | false",
      "\\*      | *         | true",
      "\\*      | a         | false",
      "a\\      | a\\       | true",
      "\\?x     | ?x        | true",
      "x[?]     | x?        | true",
      "x[?]     | xa        | false",
  })
  void matchesLikeRedis(String pattern, String subject, boolean expected) {
    GlobPattern glob = GlobPattern.compile(pattern.getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, glob.matches(subject.getBytes(StandardCharsets.UTF_8)));
  }

  /** C compares signed chars, so in a range 0x80..0xFF sort below ASCII: [\x80-a] holds 'A'. */
  @Test
  void comparesBytesSigned() {
    GlobPattern range = GlobPattern.compile(new byte[] {'[', (byte) 0x80, '-', 'a', ']'});
    assertTrue(range.matches(new byte[] {'A'}));
    assertTrue(range.matches(new byte[] {(byte) 0xFF}));
    assertEquals(false, range.matches(new byte[] {'b'}));
  }

  /** A pattern that makes naive backtracking exponential stays fast. */
  @Test
  void hostilePatternsStayLinearish() {
    byte[] pattern = "*a".repeat(200).concat("b").getBytes(StandardCharsets.US_ASCII);
    byte[] subject = "a".repeat(5000).getBytes(StandardCharsets.US_ASCII);
    assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertEquals(false, GlobPattern.compile(pattern).matches(subject)));
  }

  /** Every pattern of glob-golden.txt, over its keys, against what a real Redis 7.0 KEYS answered. */
  @Test
  void agreesWithRedisOnGoldenTable() throws IOException {
    List<byte[]> keys = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    int patterns = 0;
    for (String line : golden()) {
      if (line.startsWith("key ")) {
        keys.add(ScenarioTest.words(line).get(1));
        continue;
      }
      int arrow = line.indexOf(" =>");
      GlobPattern glob = GlobPattern.compile(ScenarioTest.words(line.substring(0, arrow)).get(1));
      String expected = line.substring(arrow + 3).strip();
      List<String> matched = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (glob.matches(keys.get(i))) {
          matched.add(Integer.toString(i));
        }
      }
      if (!String.join(" ", matched).equals(expected)) {
        mismatches.add(line + " but matched " + matched);
      }
      patterns++;
    }
    assertTrue(patterns >= 1500 && keys.size() >= 80, "golden table too short");
    assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())), mismatches.size() + " mismatches");
  }

  private static List<String> golden() throws IOException {
    try (InputStream in = GlobPatternTest.class.getResourceAsStream("glob-golden.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
