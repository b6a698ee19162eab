package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPOP, SRANDMEMBER and HRANDFIELD: what their draws must satisfy (distinct when asked, members of
 * the collection, roughly uniform), and that the same commands with the same seeds draw the same
 * on two keyspaces, which is what keeps replicas identical after SPOP.
 */
class RandomElementsTest {

  @Test
  void twoReplicasApplyingTheSameSpopsStayIdentical() {
    TestShard first = new TestShard();
    TestShard second = new TestShard();
    List<String> firstReplies = new ArrayList<>();
    List<String> secondReplies = new ArrayList<>();
    for (TestShard shard : List.of(first, second)) {
      List<String> replies = shard == first ? firstReplies : secondReplies;
      for (int round = 0; round < 20; round++) {
        shard.exec(sadd("s", 0, 50 + round * 10));
        shard.exec("SREM", "s", "m" + round * 3, "m" + round * 7);
        replies.add(ReplyText.of(shard.exec("SPOP", "s")));
        replies.add(ReplyText.of(shard.exec("SPOP", "s", Integer.toString(round + 1))));
        replies.add(ReplyText.of(shard.exec("SPOP", "s", "40")));
      }
      replies.add(ReplyText.of(shard.exec("SMEMBERS", "s")));
    }
    assertEquals(firstReplies, secondReplies);
    assertNotEquals(firstReplies.get(0), firstReplies.get(3), "the draws should vary");
  }

  @Test
  void readsWithTheSameSeedDrawTheSame() {
    Keyspace first = new Keyspace();
    Keyspace second = new Keyspace();
    for (Keyspace keyspace : List.of(first, second)) {
      ExecutionContext write = ExecutionContext.forApply(keyspace, TestShard.START_MS, 1);
      CommandRunner.exec(write, sadd("s", 0, 100));
      CommandRunner.exec(write, "HSET", "h", "a", "1", "b", "2", "c", "3", "d", "4");
    }
    for (String[] command : List.of(new String[] {"SRANDMEMBER", "s", "-20"}, new String[] {"SRANDMEMBER", "s", "7"},
        new String[] {"HRANDFIELD", "h", "-9", "WITHVALUES"}, new String[] {"HRANDFIELD", "h", "2"})) {
      for (long seed = 0; seed < 5; seed++) {
        Reply a = CommandRunner.exec(ExecutionContext.forApply(first, TestShard.START_MS, seed), command);
        Reply b = CommandRunner.exec(ExecutionContext.forApply(second, TestShard.START_MS, seed), command);
        assertEquals(ReplyText.of(a), ReplyText.of(b), String.join(" ", command));
      }
    }
  }

  @Test
  void positiveCountsAnswerDistinctMembersOfTheSet() {
    TestShard shard = new TestShard();
    shard.exec(sadd("s", 0, 100));
    // 10 draws the picks, 80 draws the 20 left out (more than half the set is asked for).
    for (int count : List.of(1, 10, 50, 80, 99)) {
      List<String> members = texts(shard.exec("SRANDMEMBER", "s", Integer.toString(count)));
      assertEquals(count, members.size());
      assertEquals(count, new HashSet<>(members).size(), "distinct");
      assertTrue(members.stream().allMatch(m -> m.matches("m\\d+")), "members of the set");
    }
  }

  @Test
  void spopRemovesExactlyWhatItAnswers() {
    TestShard shard = new TestShard();
    shard.exec(sadd("s", 0, 100));
    Set<String> popped = new HashSet<>();
    for (int count : List.of(30, 60)) {
      List<String> members = texts(shard.exec("SPOP", "s", Integer.toString(count)));
      assertEquals(count, new HashSet<>(members).size());
      popped.addAll(members);
    }
    Set<String> left = new HashSet<>(texts(shard.exec("SMEMBERS", "s")));
    assertEquals(10, left.size());
    assertTrue(left.stream().noneMatch(popped::contains), "a popped member is still there");
    assertEquals(100, left.size() + popped.size());
  }

  @Test
  void hrandfieldWithValuesPairsEachFieldWithItsValue() {
    TestShard shard = new TestShard();
    for (int i = 0; i < 40; i++) {
      shard.exec("HSET", "h", "f" + i, "v" + i);
    }
    for (String count : List.of("-50", "25", "39")) {
      List<String> items = texts(shard.exec("HRANDFIELD", "h", count, "WITHVALUES"));
      for (int i = 0; i < items.size(); i += 2) {
        assertEquals("v" + items.get(i).substring(1), items.get(i + 1));
      }
    }
  }

  /** 20,000 single draws from ten members: each should come up about 2,000 times. Seeds are fixed. */
  @Test
  void singleDrawsAreRoughlyUniform() {
    Keyspace keyspace = new Keyspace();
    CommandRunner.exec(ExecutionContext.forApply(keyspace, TestShard.START_MS, 1), sadd("s", 0, 10));
    CommandRunner.exec(ExecutionContext.forApply(keyspace, TestShard.START_MS, 1), "SREM", "s", "m3");
    CommandRunner.exec(ExecutionContext.forApply(keyspace, TestShard.START_MS, 1), "SADD", "s", "m3");
    Map<String, Integer> counts = new HashMap<>();
    for (long seed = 0; seed < 20_000; seed++) {
      ExecutionContext ctx = ExecutionContext.forApply(keyspace, TestShard.START_MS, seed);
      Reply reply = CommandRunner.exec(ctx, "SRANDMEMBER", "s");
      counts.merge(ReplyText.of(reply), 1, Integer::sum);
    }
    assertEquals(10, counts.size());
    counts.forEach((member, n) -> assertTrue(n > 1700 && n < 2300, member + " drawn " + n + " times"));
  }

  private static List<byte[]> sadd(String key, int from, int to) {
    List<byte[]> argv = new ArrayList<>();
    argv.add("SADD".getBytes(StandardCharsets.UTF_8));
    argv.add(key.getBytes(StandardCharsets.UTF_8));
    for (int i = from; i < to; i++) {
      argv.add(("m" + i).getBytes(StandardCharsets.UTF_8));
    }
    return argv;
  }

  private static List<String> texts(Reply reply) {
    List<Reply> items = reply instanceof Reply.SetReply set ? set.items() : ((Reply.Array) reply).items();
    List<String> texts = new ArrayList<>();
    for (Reply item : items) {
      texts.add(new String(((Reply.Bulk) item).value(), StandardCharsets.UTF_8));
    }
    return texts;
  }
}
