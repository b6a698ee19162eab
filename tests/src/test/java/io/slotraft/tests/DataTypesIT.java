package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.ListPosition;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Hashes, lists, sets, sorted sets, bitmaps and HyperLogLog through JedisCluster and plain Jedis on
 * three real node processes: replies, WRONGTYPE, full scans, crash recovery from snapshot + log, and
 * a replica rebuilt from nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataTypesIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;
  /** Set by the tests that wrote them, for the rebuilt replica to read again. */
  static Long durableHllCount;
  static boolean scanSetWritten;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 21000);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Set<HostAndPort> seeds() {
    return cluster.nodes().stream().map(n -> new HostAndPort("127.0.0.1", n.respPort())).collect(Collectors.toSet());
  }

  private static Jedis onLeader() {
    return new Jedis("127.0.0.1", cluster.awaitLeader(Duration.ofSeconds(30)).respPort());
  }

  // ---------------------------------------------------------------- 1. every family end to end

  @Test
  @Order(1)
  void everyFamilyThroughJedisCluster() {
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      exerciseEveryFamily(jedis, "jc");
    }
  }

  @Test
  @Order(2)
  void everyFamilyThroughPlainJedisOnTheLeader() {
    try (Jedis jedis = onLeader()) {
      exerciseEveryFamily(jedis, "plain");
    }
  }

  private static void exerciseEveryFamily(JedisCommands jedis, String tag) {
    hashes(jedis, "{" + tag + "-h}");
    lists(jedis, "{" + tag + "-l}");
    sets(jedis, "{" + tag + "-s}");
    sortedSets(jedis, "{" + tag + "-z}");
    bitmaps(jedis, "{" + tag + "-b}");
    hyperLogLog(jedis, "{" + tag + "-p}");
    wrongType(jedis, "{" + tag + "-w}");
  }

  private static void hashes(JedisCommands jedis, String k) {
    assertEquals(2, jedis.hset(k, Map.of("a", "1", "b", "2")));
    assertEquals(0, jedis.hset(k, "a", "10"));
    assertEquals("10", jedis.hget(k, "a"));
    assertNull(jedis.hget(k, "missing"));
    assertEquals(Map.of("a", "10", "b", "2"), jedis.hgetAll(k));
    assertEquals(7, jedis.hincrBy(k, "b", 5));
    assertEquals(-3, jedis.hincrBy(k, "c", -3));
    assertEquals(1, jedis.hdel(k, "a", "missing"));
    assertEquals(Map.of("b", "7", "c", "-3"), jedis.hgetAll(k));
    assertEquals(2, jedis.hdel(k, "b", "c"));
    assertEquals(Map.of(), jedis.hgetAll(k));
    assertEquals("none", jedis.type(k), "an emptied hash is deleted");
  }

  private static void lists(JedisCommands jedis, String tag) {
    String k = tag + ":src";
    String dst = tag + ":dst";
    assertEquals(2, jedis.lpush(k, "b", "a"));
    assertEquals(4, jedis.rpush(k, "c", "d"));
    assertEquals(List.of("a", "b", "c", "d"), jedis.lrange(k, 0, -1));
    assertEquals("a", jedis.lpop(k));
    assertEquals(4, jedis.linsert(k, ListPosition.BEFORE, "c", "x"));
    assertEquals(5, jedis.linsert(k, ListPosition.AFTER, "d", "y"));
    assertEquals(-1, jedis.linsert(k, ListPosition.BEFORE, "missing", "z"));
    assertEquals(List.of("b", "x", "c", "d", "y"), jedis.lrange(k, 0, -1));
    assertEquals("b", jedis.lmove(k, dst, ListDirection.LEFT, ListDirection.RIGHT));
    assertEquals("y", jedis.lmove(k, dst, ListDirection.RIGHT, ListDirection.LEFT));
    assertEquals(List.of("x", "c", "d"), jedis.lrange(k, 0, -1));
    assertEquals(List.of("y", "b"), jedis.lrange(dst, 0, -1));
    assertEquals(List.of("c"), jedis.lrange(k, 1, 1));
    assertEquals(List.of("c", "d"), jedis.lrange(k, -2, -1));
    assertNull(jedis.lpop(tag + ":empty"));
  }

  private static void sets(JedisCommands jedis, String tag) {
    String a = tag + ":a";
    String b = tag + ":b";
    assertEquals(3, jedis.sadd(a, "1", "2", "3", "3"));
    assertEquals(0, jedis.sadd(a, "1"));
    assertEquals(3, jedis.sadd(b, "2", "3", "4"));
    assertEquals(Set.of("1", "2", "3"), jedis.smembers(a));
    assertEquals(Set.of("2", "3"), jedis.sinter(a, b));
    assertEquals(Set.of(), jedis.sinter(a, tag + ":missing"));
    String popped = jedis.spop(a);
    assertTrue(Set.of("1", "2", "3").contains(popped), popped);
    Set<String> rest = new HashSet<>(Set.of("1", "2", "3"));
    rest.remove(popped);
    assertEquals(rest, jedis.smembers(a));
    Set<String> poppedAll = jedis.spop(a, 10);
    assertEquals(rest, poppedAll);
    assertEquals(Set.of(), jedis.smembers(a));
    assertNull(jedis.spop(a));
  }

  private static void sortedSets(JedisCommands jedis, String k) {
    assertEquals(3, jedis.zadd(k, Map.of("a", 1.0, "b", 2.0, "c", 3.0)));
    assertEquals(1, jedis.zadd(k, 2.5, "d"));
    assertEquals(0, jedis.zadd(k, 3.0, "c"));
    assertEquals(List.of(new Tuple("a", 1.0), new Tuple("b", 2.0), new Tuple("d", 2.5), new Tuple("c", 3.0)),
        jedis.zrangeWithScores(k, 0, -1));
    assertEquals(List.of("a", "b", "d", "c"), jedis.zrange(k, 0, -1));
    assertEquals(2L, jedis.zrank(k, "d"));
    assertNull(jedis.zrank(k, "missing"));
    assertEquals(11.0, jedis.zincrby(k, 10, "a"));
    assertEquals(3L, jedis.zrank(k, "a"));
    assertEquals(List.of("b", "d", "c"), jedis.zrangeByScore(k, 2, 3));
    assertEquals(List.of("d", "c", "a"), jedis.zrangeByScore(k, "(2", "+inf"));
    assertEquals(new Tuple("b", 2.0), jedis.zpopmin(k));
    assertEquals(List.of(new Tuple("d", 2.5), new Tuple("c", 3.0), new Tuple("a", 11.0)),
        jedis.zrangeWithScores(k, 0, -1));
    assertEquals(List.of(new Tuple("d", 2.5), new Tuple("c", 3.0)), jedis.zpopmin(k, 2));
    assertEquals(List.of(new Tuple("a", 11.0)), jedis.zrangeWithScores(k, 0, -1));
  }

  private static void bitmaps(JedisCommands jedis, String k) {
    assertEquals(false, jedis.setbit(k, 7, true));
    assertEquals(true, jedis.setbit(k, 7, true));
    assertEquals(false, jedis.setbit(k, 100, true));
    assertEquals(13, jedis.strlen(k));
    assertEquals(2, jedis.bitcount(k));
    assertEquals(7, jedis.bitpos(k, true));
    assertEquals(0, jedis.bitpos(k, false));
    assertEquals(false, jedis.setbit(k, 0, true));
    assertEquals(1, jedis.bitpos(k, false));
    assertEquals(3, jedis.bitcount(k));
    assertEquals(true, jedis.setbit(k, 7, false));
    assertEquals(2, jedis.bitcount(k));
    assertEquals(100, jedis.bitpos(k, true, new redis.clients.jedis.params.BitPosParams(1)));
    assertEquals(true, jedis.getbit(k, 100));
    assertEquals(false, jedis.getbit(k, 99));
  }

  private static void hyperLogLog(JedisCommands jedis, String k) {
    assertEquals(0, jedis.pfcount(k));
    for (int batch = 0; batch < 10; batch++) {
      String[] elements = new String[1000];
      for (int i = 0; i < 1000; i++) {
        elements[i] = "element-" + (batch * 1000 + i);
      }
      long changed = jedis.pfadd(k, elements);
      if (batch == 0) {
        assertEquals(1, changed);
      }
    }
    long count = jedis.pfcount(k);
    assertTrue(Math.abs(count - 10_000) <= 200, "PFCOUNT " + count + " is more than 2% from 10000");
    assertEquals(0, jedis.pfadd(k, "element-0", "element-9999"), "elements already seen change nothing");
    assertEquals(count, jedis.pfcount(k));
  }

  private static void wrongType(JedisCommands jedis, String tag) {
    String str = tag + ":string";
    String hash = tag + ":hash";
    String list = tag + ":list";
    String set = tag + ":set";
    String zset = tag + ":zset";
    String hll = tag + ":hll";
    assertEquals("OK", jedis.set(str, "v"));
    assertEquals(1, jedis.hset(hash, "f", "v"));
    assertEquals(1, jedis.rpush(list, "e"));
    assertEquals(1, jedis.sadd(set, "m"));
    assertEquals(1, jedis.zadd(zset, 1.0, "m"));
    assertEquals(1, jedis.pfadd(hll, "x"));
    assertEquals("string", jedis.type(str));
    assertEquals("hash", jedis.type(hash));
    assertEquals("list", jedis.type(list));
    assertEquals("set", jedis.type(set));
    assertEquals("zset", jedis.type(zset));
    assertEquals("string", jedis.type(hll));

    assertWrongType(() -> jedis.hget(str, "f"));
    assertWrongType(() -> jedis.lpush(str, "e"));
    assertWrongType(() -> jedis.get(hash));
    assertWrongType(() -> jedis.lrange(hash, 0, -1));
    assertWrongType(() -> jedis.sadd(list, "m"));
    assertWrongType(() -> jedis.hgetAll(list));
    assertWrongType(() -> jedis.zadd(set, 1.0, "m"));
    assertWrongType(() -> jedis.rpush(set, "e"));
    assertWrongType(() -> jedis.smembers(zset));
    assertWrongType(() -> jedis.hincrBy(zset, "f", 1));
    assertWrongType(() -> jedis.setbit(list, 1, true));
    assertWrongType(() -> jedis.bitcount(set));
    assertWrongType(() -> jedis.pfadd(hash, "x"));
    assertWrongType(() -> jedis.pfcount(zset));
    assertWrongType(() -> jedis.zadd(hll, 1.0, "m"));
    assertWrongType(() -> jedis.incr(list));

    // A rejected command changes nothing.
    assertEquals("v", jedis.get(str));
    assertEquals(Map.of("f", "v"), jedis.hgetAll(hash));
    assertEquals(List.of("e"), jedis.lrange(list, 0, -1));
    assertEquals(Set.of("m"), jedis.smembers(set));
    assertEquals(List.of(new Tuple("m", 1.0)), jedis.zrangeWithScores(zset, 0, -1));
    assertEquals(1, jedis.pfcount(hll));
  }

  private static void assertWrongType(Executable command) {
    JedisDataException e = assertThrows(JedisDataException.class, command);
    assertTrue(e.getMessage().startsWith("WRONGTYPE"), e.getMessage());
  }

  // ---------------------------------------------------------------- 2. full scans

  @Test
  @Order(3)
  void scansReturnEveryElementOfLargeCollections() {
    int n = 5000;
    Map<String, String> fields = new HashMap<>();
    Set<String> members = new HashSet<>();
    Map<String, Double> scores = new HashMap<>();
    for (int i = 0; i < n; i++) {
      fields.put("field-" + i, "value-" + i);
      members.add("member-" + i);
      scores.put("z-" + i, i + 0.25);
    }
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      assertEquals(n, jedis.hset("scan:hash", fields));
      assertEquals(n, jedis.sadd("scan:set", members.toArray(String[]::new)));
      assertEquals(n, jedis.zadd("scan:zset", scores));
      scanSetWritten = true;
      assertEquals(n, jedis.hlen("scan:hash"));
      assertEquals(n, jedis.scard("scan:set"));
      assertEquals(n, jedis.zcard("scan:zset"));
      ScanParams params = new ScanParams().count(97);

      Map<String, String> scannedFields = new HashMap<>();
      for (Map.Entry<String, String> e : scanAll(c -> jedis.hscan("scan:hash", c, params))) {
        scannedFields.put(e.getKey(), e.getValue());
      }
      assertEquals(fields, scannedFields);

      assertEquals(members, new HashSet<>(scanAll(c -> jedis.sscan("scan:set", c, params))));

      Map<String, Double> scannedScores = new HashMap<>();
      for (Tuple t : scanAll(c -> jedis.zscan("scan:zset", c, params))) {
        scannedScores.put(t.getElement(), t.getScore());
      }
      assertEquals(scores, scannedScores);
    }
    try (Jedis jedis = onLeader()) {
      // The same through plain Jedis, with the server's default COUNT.
      assertEquals(members, new HashSet<>(scanAll(c -> jedis.sscan("scan:set", c))));
    }
  }

  private static <T> List<T> scanAll(Function<String, ScanResult<T>> scan) {
    List<T> all = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    int rounds = 0;
    do {
      ScanResult<T> page = scan.apply(cursor);
      all.addAll(page.getResult());
      cursor = page.getCursor();
      assertTrue(++rounds < 100_000, "scan never finished");
    } while (!"0".equals(cursor));
    return all;
  }

  // ---------------------------------------------------------------- 3. durability of every type

  /** The collections {@code {tag}:hash/list/set/zset/hll} as {@link #writeCollections} leaves them. */
  private static void writeCollections(JedisCommands jedis, String tag, int from, int to) {
    Map<String, String> fields = new LinkedHashMap<>();
    String[] listElements = new String[to - from];
    String[] setMembers = new String[to - from];
    Map<String, Double> scores = new HashMap<>();
    String[] hllElements = new String[to - from];
    for (int i = from; i < to; i++) {
      fields.put("f-" + i, "v-" + i);
      listElements[i - from] = "e-" + i;
      setMembers[i - from] = "m-" + i;
      scores.put("z-" + i, i + 0.5);
      hllElements[i - from] = "p-" + i;
    }
    assertEquals(to - from, jedis.hset(key(tag, "hash"), fields));
    assertEquals(to, jedis.rpush(key(tag, "list"), listElements));
    assertEquals(to - from, jedis.sadd(key(tag, "set"), setMembers));
    assertEquals(to - from, jedis.zadd(key(tag, "zset"), scores));
    jedis.pfadd(key(tag, "hll"), hllElements);
  }

  /** Removes element 0 from each collection: a change the snapshot does not have, only the log. */
  private static void removeFirst(JedisCommands jedis, String tag) {
    assertEquals(1, jedis.hdel(key(tag, "hash"), "f-0"));
    assertEquals("e-0", jedis.lpop(key(tag, "list")));
    assertEquals(1, jedis.srem(key(tag, "set"), "m-0"));
    assertEquals(1, jedis.zrem(key(tag, "zset"), "z-0"));
  }

  /** Every collection holds exactly elements 1 until {@code to}, and the HLL counts {@code hllCount}. */
  private static void assertCollections(JedisCommands jedis, String tag, int to, long hllCount, String where) {
    Map<String, String> fields = new HashMap<>();
    List<String> list = new ArrayList<>();
    Set<String> set = new HashSet<>();
    List<Tuple> zset = new ArrayList<>();
    for (int i = 1; i < to; i++) {
      fields.put("f-" + i, "v-" + i);
      list.add("e-" + i);
      set.add("m-" + i);
      zset.add(new Tuple("z-" + i, i + 0.5));
    }
    assertEquals(fields, jedis.hgetAll(key(tag, "hash")), "hash " + where);
    assertEquals(list, jedis.lrange(key(tag, "list"), 0, -1), "list " + where);
    assertEquals(set, jedis.smembers(key(tag, "set")), "set " + where);
    assertEquals(zset, jedis.zrangeWithScores(key(tag, "zset"), 0, -1), "zset " + where);
    assertEquals(hllCount, jedis.pfcount(key(tag, "hll")), "hll " + where);
  }

  private static String key(String tag, String type) {
    return "{" + tag + "}:" + type;
  }

  @Test
  @Order(4)
  void everyTypeSurvivesKillingAllNodesFromSnapshotPlusLog() throws Exception {
    String tag = "dur";
    long hllCount;
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      writeCollections(jedis, tag, 0, 1000);
      NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
      long leaderApplied = cluster.appliedIndex(leader);
      for (NodeProcess node : cluster.nodes()) {
        cluster.awaitTrue(() -> cluster.appliedIndex(node) >= leaderApplied, Duration.ofSeconds(30),
            node.name() + " to apply every write");
        try (Jedis plain = new Jedis("127.0.0.1", node.respPort())) {
          assertEquals("OK", plain.save());
          assertTrue(plain.info("persistence").contains("rdb_changes_since_last_save:0"), node.name());
        }
        assertTrue(DurabilityIT.hasSnapshot(node), node.name() + " has no snapshot on disk");
      }
      // After the snapshot: more elements, and removals, that only the log holds.
      writeCollections(jedis, tag, 1000, 1500);
      removeFirst(jedis, tag);
      hllCount = jedis.pfcount(key(tag, "hll"));
      assertTrue(Math.abs(hllCount - 1500) <= 30, "PFCOUNT " + hllCount + " is more than 2% from 1500");
      assertCollections(jedis, tag, 1500, hllCount, "before the crash");
    }
    for (NodeProcess node : cluster.nodes()) {
      node.kill();
    }
    durableHllCount = hllCount;
    DurabilityIT.restartAll(cluster);
    try (Jedis jedis = onLeader()) {
      assertCollections(jedis, tag, 1500, hllCount, "on the new leader after SIGKILL of every node");
    }
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      assertCollections(jedis, tag, 1500, hllCount, "through JedisCluster after SIGKILL of every node");
    }
  }

  // ---------------------------------------------------------------- 4. a replica rebuilt from nothing

  @Test
  @Order(5)
  void aReplicaRebuiltFromNothingReadsEveryCollection() throws Exception {
    String tag = "rebuild";
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    NodeProcess victim = cluster.followers().get(0);
    long hllCount;
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      writeCollections(jedis, tag, 0, 1000);
      victim.stop();
      cluster.wipe(victim);
      writeCollections(jedis, tag, 1000, 1500);
      // Two snapshots, so the leader's log no longer starts at 1 and the new replica needs a snapshot.
      for (int i = 0; i < 2; i++) {
        try (Jedis plain = new Jedis("127.0.0.1", leader.respPort())) {
          assertEquals("OK", plain.save());
        }
        jedis.set("{" + tag + "}:after-save-" + i, "x");
      }
      removeFirst(jedis, tag);
      hllCount = jedis.pfcount(key(tag, "hll"));
      assertCollections(jedis, tag, 1500, hllCount, "on the leader");
    }
    cluster.start(victim);
    cluster.awaitTrue(() -> cluster.appliedIndex(victim) >= cluster.appliedIndex(leader) && cluster.appliedIndex(victim) > 0,
        Duration.ofSeconds(60), victim.name() + " to catch up with the leader");
    try (Jedis jedis = new Jedis("127.0.0.1", victim.respPort())) {
      assertEquals("OK", jedis.readonly());
      assertCollections(jedis, tag, 1500, hllCount, "on the rebuilt replica " + victim.name());
      // What the earlier tests wrote came back with the snapshot too.
      if (durableHllCount != null) {
        assertCollections(jedis, "dur", 1500, durableHllCount, "(crash-test data) on " + victim.name());
      }
      if (scanSetWritten) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
          expected.add("member-" + i);
        }
        assertEquals(expected, new HashSet<>(scanAll(c -> jedis.sscan("scan:set", c, new ScanParams().count(500)))),
            "SSCAN on the rebuilt replica");
      }
    }
  }
}
