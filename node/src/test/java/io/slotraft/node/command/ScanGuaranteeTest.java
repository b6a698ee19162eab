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
 * SCAN's promise: a key present from the first call to the last is returned at least once, while
 * other keys come and go between calls and the table grows and shrinks under the cursor.
 */
class ScanGuaranteeTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void returnsEveryKeyPresentForTheWholeScan(long seed) {
    Random random = new Random(seed);
    TestShard shard = new TestShard();
    Set<String> stable = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String key = "stable:" + i;
      shard.exec("SET", key, "v");
      stable.add(key);
    }
    Set<String> seen = new HashSet<>();
    String cursor = "0";
    int calls = 0;
    int churnKey = 0;
    do {
      Reply reply = shard.exec("SCAN", cursor, "COUNT", Integer.toString(1 + random.nextInt(20)));
      List<Reply> parts = ((Reply.Array) reply).items();
      cursor = text(parts.get(0));
      for (Reply key : ((Reply.Array) parts.get(1)).items()) {
        seen.add(text(key));
      }
      churnKey = churn(shard, random, calls++, churnKey);
    } while (!cursor.equals("0") && calls < 100_000);

    Set<String> missed = new HashSet<>(stable);
    missed.removeAll(seen);
    assertEquals(Set.of(), missed, "seed " + seed + ": stable keys never returned");
    assertTrue(calls > 20, "the scan should take many calls, took " + calls);
  }

  /**
   * Between calls: phases that add many keys (the table doubles, maybe twice), delete them all
   * (it halves back), or add and delete a few. Returns the next churn key number.
   */
  private static int churn(TestShard shard, Random random, int call, int next) {
    int phase = (call / 5) % 3;
    int changes = phase == 2 ? 3 : 150 + random.nextInt(300);
    for (int i = 0; i < changes; i++) {
      if (phase == 0 || phase == 2 && random.nextBoolean()) {
        shard.exec("SET", "churn:" + next++, "v");
      } else {
        shard.exec("DEL", "churn:" + random.nextInt(Math.max(1, next)));
      }
    }
    if (phase == 1 && call % 5 == 4) {
      for (int i = 0; i < next; i++) {
        shard.exec("DEL", "churn:" + i);
      }
    }
    return next;
  }

  private static String text(Reply reply) {
    return new String(((Reply.Bulk) reply).value(), StandardCharsets.UTF_8);
  }
}
