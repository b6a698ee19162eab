package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The sorted set commands where a scenario file cannot say it: randomness, long walks, snapshots. */
class ZSetCommandsTest {
  private final TestShard shard = new TestShard();

  /** ZADD, ZINCRBY, ZREM and ZREMRANGEBYSCORE at random, with ZRANK, ZSCORE and ZRANGE checked against a map. */
  @Test
  void ranksStayConsistentUnderRandomChanges() {
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Double> model = new HashMap<>();
    for (int step = 0; step < 5000; step++) {
      String member = "m" + random.nextInt(300);
      int op = random.nextInt(10);
      if (op < 5) {
        double score = random.nextInt(-20, 20) / 2.0;
        shard.exec("ZADD", "z", Double.toString(score), member);
        model.put(member, score);
      } else if (op < 6) {
        shard.exec("ZINCRBY", "z", "1", member);
        model.merge(member, 1.0, Double::sum);
      } else if (op < 9) {
        shard.exec("ZREM", "z", member);
        model.remove(member);
      } else {
        double bound = random.nextInt(-20, 20) / 2.0;
        shard.exec("ZREMRANGEBYSCORE", "z", "-inf", "(" + bound);
        model.values().removeIf(score -> score < bound);
      }
      List<String> ordered = ordered(model);
      String probe = "m" + random.nextInt(300);
      String expectedRank = model.containsKey(probe) ? "(integer) " + ordered.indexOf(probe) : "(nil)";
      assertEquals(expectedRank, text(shard.exec("ZRANK", "z", probe)), "step " + step);
      assertEquals(Integer.toString(model.size()), text(shard.exec("ZCARD", "z")).substring(10));
      if (step % 250 == 0) {
        assertEquals(ordered.toString(), text(shard.exec("ZRANGE", "z", "0", "-1")).replace("\"", ""));
      }
    }
  }

  @Test
  void zrandmemberDrawsDistinctMembersFromTheContextsRandomSource() {
    for (int i = 0; i < 50; i++) {
      shard.exec("ZADD", "z", Integer.toString(i), "m" + i);
    }
    Reply first = run(ExecutionContext.forApply(shard.keyspace(), 0, 7), "ZRANDMEMBER", "z", "20");
    Reply again = run(ExecutionContext.forApply(shard.keyspace(), 0, 7), "ZRANDMEMBER", "z", "20");
    assertEquals(text(first), text(again), "same seed, same members: what every replica relies on");
    List<Reply> items = ((Reply.Array) first).items();
    Set<String> distinct = new HashSet<>();
    items.forEach(item -> distinct.add(text(item)));
    assertEquals(20, distinct.size());
    Reply repeated = run(ExecutionContext.forApply(shard.keyspace(), 0, 8), "ZRANDMEMBER", "z", "-200");
    assertEquals(200, ((Reply.Array) repeated).items().size());
  }

  @Test
  void zrandmemberWithScoresPairsEachMemberWithItsScore() {
    for (int i = 0; i < 10; i++) {
      shard.exec("ZADD", "z", Integer.toString(i), "m" + i);
    }
    Reply.Pairs pairs = (Reply.Pairs) shard.exec("ZRANDMEMBER", "z", "-30", "WITHSCORES");
    for (int i = 0; i < pairs.flat().size(); i += 2) {
      String member = text(pairs.flat().get(i)).replace("\"", "");
      assertEquals("(double) " + member.substring(1), text(pairs.flat().get(i + 1)));
    }
  }

  /** A set too big for Redis's compact encoding is walked by cursor: every member exactly once. */
  @Test
  void zscanOfALargeSetVisitsEveryMemberOnceAcrossCalls() {
    for (int i = 0; i < 1000; i++) {
      shard.exec("ZADD", "z", Integer.toString(i), "m" + i);
    }
    List<String> seen = new ArrayList<>();
    String cursor = "0";
    int calls = 0;
    do {
      Reply.Array page = (Reply.Array) shard.exec("ZSCAN", "z", cursor, "COUNT", "50");
      cursor = bulk(page.items().get(0));
      List<Reply> items = ((Reply.Array) page.items().get(1)).items();
      for (int i = 0; i < items.size(); i += 2) {
        String member = bulk(items.get(i));
        assertEquals(member.substring(1), bulk(items.get(i + 1)), "score of " + member);
        seen.add(member);
      }
      calls++;
    } while (!cursor.equals("0"));
    assertEquals(1000, seen.size());
    assertEquals(1000, new HashSet<>(seen).size());
    assertTrue(calls > 5, "walked in pages, not at once: " + calls);
  }

  @Test
  void zscanMatchFiltersALargeSet() {
    for (int i = 0; i < 500; i++) {
      shard.exec("ZADD", "z", Integer.toString(i), (i % 5 == 0 ? "five:" : "other:") + i);
    }
    Set<String> seen = new HashSet<>();
    String cursor = "0";
    do {
      Reply.Array page = (Reply.Array) shard.exec("ZSCAN", "z", cursor, "MATCH", "five:*", "COUNT", "100");
      cursor = bulk(page.items().get(0));
      List<Reply> items = ((Reply.Array) page.items().get(1)).items();
      for (int i = 0; i < items.size(); i += 2) {
        seen.add(bulk(items.get(i)));
      }
    } while (!cursor.equals("0"));
    assertEquals(100, seen.size());
    assertTrue(seen.stream().allMatch(member -> member.startsWith("five:")));
  }

  /** What BZPOPMIN, BZPOPMAX and BZMPOP call once they stop waiting. */
  @Test
  void popFirstTakesFromTheFirstKeyHoldingASet() {
    shard.exec("ZADD", "{k}b", "1", "x", "2", "y", "3", "z");
    ExecutionContext write = ExecutionContext.forApply(shard.keyspace(), TestShard.START_MS, 1);
    ZSetPops.Popped popped = ZSetPops.popFirst(write, keys("{k}a", "{k}b"), true, 2);
    assertEquals("{k}b", new String(popped.key(), StandardCharsets.UTF_8));
    assertEquals("[\"{k}b\", [[\"z\", (double) 3], [\"y\", (double) 2]]]", text(ZSetPops.mpopReply(popped)));
    ZSetPops.Popped last = ZSetPops.popFirst(write, keys("{k}b"), false, 1);
    assertEquals("[\"{k}b\", \"x\", (double) 1]", text(ZSetPops.bzpopReply(last)));
    assertEquals("(integer) 0", text(shard.exec("EXISTS", "{k}b")), "emptied set deleted");
    assertNull(ZSetPops.popFirst(write, keys("{k}a", "{k}b"), false, 1), "nothing to pop: keep waiting");
  }

  @Test
  void popFirstAnswersWrongTypeOnlyForAKeyBeforeTheFirstSet() {
    shard.exec("SET", "{k}s", "x");
    shard.exec("ZADD", "{k}z", "1", "a");
    ExecutionContext write = ExecutionContext.forApply(shard.keyspace(), TestShard.START_MS, 1);
    assertEquals("{k}z", new String(ZSetPops.popFirst(write, keys("{k}z", "{k}s"), false, 1).key(), StandardCharsets.UTF_8));
    CommandException wrong = assertThrows(CommandException.class,
        () -> ZSetPops.popFirst(write, keys("{k}s", "{k}z"), false, 1));
    assertEquals("(error) WRONGTYPE Operation against a key holding the wrong kind of value", text(wrong.reply()));
  }

  /** A set captured by a snapshot is never changed: every write goes to a copy. */
  @Test
  void writesAfterASnapshotLeaveTheCapturedSetAlone() {
    shard.exec("ZADD", "z", "1", "a", "2", "b", "3", "c");
    ZSetValue captured = (ZSetValue) shard.keyspace().get(bytes("z"), shard.nowMs());
    shard.keyspace().beginSnapshot();
    for (String[] write : List.of(new String[] {"ZADD", "z", "9", "a"}, new String[] {"ZREM", "z", "b"},
        new String[] {"ZINCRBY", "z", "1", "c"}, new String[] {"ZPOPMIN", "z"},
        new String[] {"ZREMRANGEBYRANK", "z", "0", "0"})) {
      shard.exec(write);
    }
    assertEquals("[\"a\", \"b\", \"c\"]", members(captured));
    assertEquals(3.0, captured.score(bytes("c")));
    assertNotSame(captured, shard.keyspace().get(bytes("z"), shard.nowMs()));
    assertEquals("(integer) 0", text(shard.exec("ZCARD", "z")));
  }

  @Test
  void aSnapshotCapturedSetSurvivesItsKeyBeingRenamedAndChanged() {
    shard.exec("ZADD", "z", "1", "a");
    ZSetValue captured = (ZSetValue) shard.keyspace().get(bytes("z"), shard.nowMs());
    shard.keyspace().beginSnapshot();
    shard.exec("RENAME", "z", "y");
    shard.exec("ZADD", "y", "2", "b");
    assertEquals("[\"a\"]", members(captured));
  }

  private static Reply run(ExecutionContext ctx, String... words) {
    return CommandRunner.exec(ctx, words);
  }

  private static List<String> ordered(Map<String, Double> model) {
    TreeMap<String, Double> sorted = new TreeMap<>((a, b) -> {
      int byScore = Double.compare(model.get(a), model.get(b));
      return byScore != 0 ? byScore : a.compareTo(b);
    });
    sorted.putAll(model);
    return new ArrayList<>(sorted.keySet());
  }

  private static String members(ZSetValue zset) {
    List<String> members = new ArrayList<>();
    zset.forEach(0, zset.size(), false, (member, score) -> members.add("\"" + new String(member, StandardCharsets.UTF_8) + "\""));
    return members.toString();
  }

  private static List<byte[]> keys(String... keys) {
    List<byte[]> list = new ArrayList<>();
    for (String key : keys) {
      list.add(bytes(key));
    }
    return list;
  }

  private static String text(Reply reply) {
    return ReplyText.of(reply);
  }

  private static String bulk(Reply reply) {
    return new String(((Reply.Bulk) reply).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keyspaceIsUntouchedByReads() {
    Keyspace keyspace = shard.keyspace();
    shard.exec("ZADD", "z", "1", "a");
    shard.exec("ZRANGE", "z", "0", "-1");
    shard.exec("ZRANDMEMBER", "z", "-5");
    assertEquals(1, keyspace.size());
  }
}
