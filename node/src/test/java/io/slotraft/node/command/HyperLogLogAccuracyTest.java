package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PFCOUNT estimates within three standard errors of the truth. With 16384 registers the standard
 * error is 1.04 / sqrt(16384) = 0.8125%, so the bound is 2.44%. Elements are random bytes from a
 * fixed seed, made distinct by a counter, so every run checks the same estimates.
 */
class HyperLogLogAccuracyTest {
  private static final double STANDARD_ERROR = 1.04 / Math.sqrt(16384);
  private static final double BOUND = 3 * STANDARD_ERROR;
  private static final int BATCH = 1000;

  @ParameterizedTest(name = "{0} distinct elements, seed {1}")
  @CsvSource({"10, 11", "1000, 12", "100000, 13", "1000000, 14"})
  void estimatesACardinalityWithinThreeStandardErrors(int cardinality, long seed) {
    TestShard shard = new TestShard();
    add(shard, "h", elements(seed, 0, cardinality));
    long estimate = count(shard, "PFCOUNT", "h");
    report("PFCOUNT", cardinality, estimate);
    assertWithinBound(cardinality, estimate);
  }

  /** Two sets of 600k overlapping on 200k: their union is 1M, whether merged or counted together. */
  @Test
  void estimatesTheUnionOfOverlappingSets() {
    TestShard shard = new TestShard();
    List<byte[]> all = elements(15, 0, 1_000_000);
    add(shard, "a", all.subList(0, 600_000));
    add(shard, "b", all.subList(400_000, 1_000_000));
    assertWithinBound(600_000, count(shard, "PFCOUNT", "a"));
    assertWithinBound(600_000, count(shard, "PFCOUNT", "b"));
    long together = count(shard, "PFCOUNT", "a", "b");
    assertEquals("OK", ReplyText.of(shard.exec("PFMERGE", "u", "a", "b")));
    long merged = count(shard, "PFCOUNT", "u");
    report("PFMERGE of overlapping sets", 1_000_000, merged);
    assertEquals(together, merged, "a union counted on the fly and a stored union have the same registers");
    assertWithinBound(1_000_000, merged);
  }

  private static List<byte[]> elements(long seed, int from, int to) {
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> elements = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      elements.add(ByteBuffer.allocate(12).putLong(random.nextLong()).putInt(i).array());
    }
    return elements;
  }

  private static void add(TestShard shard, String key, List<byte[]> elements) {
    for (int start = 0; start < elements.size(); start += BATCH) {
      List<byte[]> argv = new ArrayList<>();
      argv.add("PFADD".getBytes(StandardCharsets.UTF_8));
      argv.add(key.getBytes(StandardCharsets.UTF_8));
      argv.addAll(elements.subList(start, Math.min(elements.size(), start + BATCH)));
      shard.exec(argv);
    }
  }

  private static long count(TestShard shard, String... words) {
    return ((Reply.Int) shard.exec(words)).value();
  }

  private static void assertWithinBound(long truth, long estimate) {
    double error = Math.abs(estimate - truth) / (double) truth;
    assertTrue(error <= BOUND, String.format("estimate %d of %d is off by %.3f%%", estimate, truth, 100 * error));
  }

  private static void report(String what, long truth, long estimate) {
    System.out.printf("HLL accuracy: %s, %d elements: estimate %d, error %+.3f%%%n", what, truth, estimate,
        100.0 * (estimate - truth) / truth);
  }
}
