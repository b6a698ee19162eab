package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HSCAN's and SSCAN's promise, as SCAN's in ScanGuaranteeTest: an element present from the first
 * call to the last is returned at least once, while others come and go between calls and the
 * collection's index grows and shrinks under the cursor.
 */
class CollectionScanGuaranteeTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void sscanReturnsEveryMemberPresentForTheWholeScan(long seed) {
    assertScanReturnsTheStableElements(seed, "SADD", "SREM", "SSCAN", 1);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void hscanReturnsEveryFieldPresentForTheWholeScan(long seed) {
    assertScanReturnsTheStableElements(seed, "HSET", "HDEL", "HSCAN", 2);
  }

  /** {@code stride} is 2 for HSCAN, whose replies alternate fields and values. */
  private static void assertScanReturnsTheStableElements(long seed, String add, String remove, String scan,
      int stride) {
    Random random = new Random(seed);
    TestShard shard = new TestShard();
    Set<String> stable = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      shard.exec(command(add, "stable:" + i));
      stable.add("stable:" + i);
    }
    Set<String> seen = new HashSet<>();
    String cursor = "0";
    int calls = 0;
    int churned = 0;
    do {
      Reply reply = shard.exec(scan, "c", cursor, "COUNT", Integer.toString(1 + random.nextInt(20)));
      List<Reply> parts = ((Reply.Array) reply).items();
      cursor = text(parts.get(0));
      List<Reply> items = ((Reply.Array) parts.get(1)).items();
      for (int i = 0; i < items.size(); i += stride) {
        seen.add(text(items.get(i)));
      }
      churned = churn(shard, random, calls++, churned, add, remove);
    } while (!cursor.equals("0") && calls < 100_000);

    Set<String> missed = new HashSet<>(stable);
    missed.removeAll(seen);
    assertEquals(Set.of(), missed, "seed " + seed + ": stable elements never returned");
    assertTrue(calls > 20, "the scan should take many calls, took " + calls);
  }

  /**
   * Between calls: phases that add many elements (the index doubles, maybe twice), remove them all
   * (it halves back), or add and remove a few. Returns the next churn element number.
   */
  private static int churn(TestShard shard, Random random, int call, int next, String add, String remove) {
    int phase = (call / 5) % 3;
    int changes = phase == 2 ? 3 : 150 + random.nextInt(300);
    for (int i = 0; i < changes; i++) {
      if (phase == 0 || phase == 2 && random.nextBoolean()) {
        shard.exec(command(add, "churn:" + next++));
      } else {
        shard.exec(remove, "c", "churn:" + random.nextInt(Math.max(1, next)));
      }
    }
    if (phase == 1 && call % 5 == 4) {
      for (int i = 0; i < next; i++) {
        shard.exec(remove, "c", "churn:" + i);
      }
    }
    return next;
  }

  /** SADD c element, or HSET c element value. */
  private static String[] command(String add, String element) {
    return add.equals("HSET") ? new String[] {add, "c", element, "v"} : new String[] {add, "c", element};
  }

  private static String text(Reply reply) {
    return new String(((Reply.Bulk) reply).value(), StandardCharsets.UTF_8);
  }
}
