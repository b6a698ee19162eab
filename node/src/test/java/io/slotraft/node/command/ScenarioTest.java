package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the scenario files next to this class: each is a list of stories checked against Redis 7's
 * replies. The format, one step a line:
 *
 * <pre>
 * === title of a scenario (a fresh keyspace, "now" at {@link TestShard#START_MS})
 * &#64;now 1700000000000        set the clock
 * &#64;advance 1500             move the clock forward
 * &#64;nonstring k              store at k a value that is not a string (WRONGTYPE for string commands)
 * SET k "a b" EX 10 => OK      a command and the reply it must give (see {@link ReplyText})
 * KEYS * =>~ ["a", "b"]        the same, with every array's items sorted first
 * # a comment
 * </pre>
 *
 * Writes run in an apply context, reads in a read context, both at the scenario's "now".
 */
class ScenarioTest {
  private static final List<String> FILES =
      List.of("strings.txt", "counters.txt", "ranges.txt", "keys.txt", "expiry.txt", "scan.txt",
          "lists-push-pop.txt", "lists-read.txt", "lists-edit.txt", "lists-move.txt", "lists-types.txt",
          "bitmaps.txt", "bitfield.txt", "bits-golden.txt", "hyperloglog.txt", "hashes.txt",
          "hash-counters.txt", "hash-random.txt", "sets.txt", "set-algebra.txt", "set-random.txt",
          "collection-scan.txt", "blocking.txt", "zset-add.txt", "zset-read.txt", "zset-range.txt", "zset-remove.txt",
          "zset-pop.txt", "zset-algebra.txt", "zset-scan.txt", "zset-random.txt", "sort-object.txt");

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      for (Scenario scenario : Scenario.parse(file, read(file))) {
        tests.add(DynamicTest.dynamicTest(file + ": " + scenario.title, scenario::run));
      }
    }
    return tests.stream();
  }

  private static String read(String file) throws IOException {
    try (InputStream in = ScenarioTest.class.getResourceAsStream(file)) {
      assertNotNull(in, "missing scenario file " + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** One titled story: its steps with their line numbers for failure messages. */
  private static final class Scenario {
    final String file;
    final String title;
    final List<String> steps = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();

    Scenario(String file, String title) {
      this.file = file;
      this.title = title;
    }

    static List<Scenario> parse(String file, String text) {
      List<Scenario> scenarios = new ArrayList<>();
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.startsWith("===")) {
          scenarios.add(new Scenario(file, line.substring(3).strip()));
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          Scenario current = scenarios.get(scenarios.size() - 1);
          current.steps.add(line);
          current.lines.add(i + 1);
        }
      }
      return scenarios;
    }

    void run() {
      TestShard shard = new TestShard();
      for (int i = 0; i < steps.size(); i++) {
        step(shard, steps.get(i), file + ":" + lines.get(i));
      }
    }

    private static void step(TestShard shard, String step, String where) {
      if (step.startsWith("@now ")) {
        shard.setNow(Long.parseLong(step.substring(5).strip()));
        return;
      }
      if (step.startsWith("@advance ")) {
        shard.advance(Long.parseLong(step.substring(9).strip()));
        return;
      }
      if (step.startsWith("@nonstring ")) {
        shard.keyspace().put(words(step.substring(11)).get(0), new NonStringValue(), 0);
        return;
      }
      int arrow = step.indexOf(" =>");
      if (arrow < 0) {
        throw new IllegalArgumentException(where + ": a step needs ' => expected': " + step);
      }
      boolean sorted = step.startsWith("=>~", arrow + 1);
      String expected = step.substring(arrow + (sorted ? 4 : 3)).strip();
      String command = step.substring(0, arrow);
      String actual = ReplyText.of(shard.exec(words(command)), sorted);
      assertEquals(expected, actual, where + ": " + command);
    }
  }

  /** Splits a command line on spaces; "double quotes" may hold spaces, \" \\ \n \t and \xHH. */
  static List<byte[]> words(String line) {
    List<byte[]> words = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) == ' ') {
        i++;
      } else if (line.charAt(i) == '"') {
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        i = quoted(line, i + 1, word);
        words.add(word.toByteArray());
      } else {
        int end = line.indexOf(' ', i);
        end = end < 0 ? line.length() : end;
        words.add(line.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return words;
  }

  /** Reads a quoted word from just after its opening quote; returns the index after the closing one. */
  private static int quoted(String line, int i, ByteArrayOutputStream word) {
    while (line.charAt(i) != '"') {
      char c = line.charAt(i);
      if (c != '\\') {
        word.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        i++;
        continue;
      }
      char escaped = line.charAt(i + 1);
      switch (escaped) {
        case 'x' -> {
          word.write(Integer.parseInt(line.substring(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        case 'n' -> word.write('\n');
        case 't' -> word.write('\t');
        default -> word.write(escaped);
      }
      i += 2;
    }
    return i + 1;
  }
}
