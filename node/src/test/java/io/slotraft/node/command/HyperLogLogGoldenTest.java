package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sketches of 1 to 30000 elements built with the same PFADDs and PFMERGEs as on redis-server, whose
 * replies and stored bytes (as SHA-256 digests) hyperloglog-golden.txt records (oracle/oracle.py
 * hll). Equal bytes mean the same hash, the same registers and the same sparse opcodes, split and
 * joined the way Redis does it, and the same switch to dense.
 */
class HyperLogLogGoldenTest {
  /** Elements per PFADD, as the oracle sends them. */
  private static final int BATCH = 500;

  @Test
  void storesTheBytesAndAnswersTheCountsOfRedis() throws IOException {
    List<String> mismatches = new ArrayList<>();
    TestShard shard = null;
    int checked = 0;
    for (String line : goldenLines()) {
      if (line.startsWith("===")) {
        shard = new TestShard();
        continue;
      }
      int arrow = line.indexOf(" => ");
      String actual = step(shard, line.substring(0, arrow).split(" "));
      if (!actual.equals(line.substring(arrow + 4))) {
        mismatches.add(line + " -> " + actual);
      }
      checked++;
    }
    assertTrue(checked >= 200, "golden table read only " + checked + " steps");
    assertEquals(List.of(), mismatches);
  }

  private static String step(TestShard shard, String[] words) {
    if (words[0].equals("ADD")) {
      return addRange(shard, words[1], words[2], Integer.parseInt(words[3]), Integer.parseInt(words[4]));
    }
    if (words[0].equals("SHA256")) {
      Reply value = shard.exec("GET", words[1]);
      return sha256(((Reply.Bulk) value).value());
    }
    return ReplyText.of(shard.exec(words));
  }

  /** PFADD of prefix + i for i in [from, to), in batches; "1" when any batch changed the sketch. */
  private static String addRange(TestShard shard, String key, String prefix, int from, int to) {
    long changed = 0;
    for (int start = from; start < to; start += BATCH) {
      List<String> argv = new ArrayList<>(List.of("PFADD", key));
      for (int i = start; i < Math.min(to, start + BATCH); i++) {
        argv.add(prefix + i);
      }
      changed |= ((Reply.Int) shard.exec(argv.toArray(String[]::new))).value();
    }
    return Long.toString(changed);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> goldenLines() throws IOException {
    try (InputStream in = HyperLogLogGoldenTest.class.getResourceAsStream("hyperloglog-golden.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
