package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.RedisCli;
import io.slotraft.tests.harness.ShardProbes;
import io.slotraft.tests.harness.Slots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Three nodes, twelve shards: every node holds a replica of every shard and leads four. Redis
 * Cluster clients see three masters covering all slots; a node killed with SIGKILL has its shards
 * led elsewhere within seconds, and once it is back leadership returns to it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyShardsIT {
  private static final int SHARDS = 12;
  private static final int SLOTS_PER_SHARD = 16384 / SHARDS;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;
  /** Every acknowledged write, to check after the failure. */
  static final Map<String, String> written = new LinkedHashMap<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 22000, "--shards", Integer.toString(SHARDS));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  @Order(1)
  void afterStartEveryNodeLeadsFourShards() {
    awaitEvenLeaders(Duration.ofSeconds(30));
  }

  @Test
  @Order(2)
  void redisCliClusterCheckSeesAllSlotsCoveredByThreeMasters() throws Exception {
    String check = RedisCli.run(cluster.node(0).respPort(), "--cluster", "check", "127.0.0.1:" + cluster.node(0).respPort());
    assertTrue(check.contains("[OK] All nodes agree about slots configuration."), check);
    assertTrue(check.contains("[OK] All 16384 slots covered."), check);
    // redis-cli colours its output: a line may start with an escape sequence.
    assertEquals(3, check.lines().filter(l -> l.matches("(\\e\\[[0-9;]*m)*M: .*")).count(), check);
    try (Jedis jedis = new Jedis("127.0.0.1", cluster.node(1).respPort())) {
      assertTrue(jedis.clusterInfo().contains("cluster_state:ok"));
      assertEquals(SHARDS, jedis.clusterShards().size());
    }
  }

  @Test
  @Order(3)
  void jedisClusterWritesKeysOfEveryShardFromAnyEntryPoint() {
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      for (int i = 0; i < 600; i++) {
        String key = "user:" + i;
        assertEquals("OK", jedis.set(key, "v" + i));
        written.put(key, "v" + i);
      }
      Set<Integer> shardsWritten = written.keySet().stream().map(k -> Slots.of(k) / SLOTS_PER_SHARD)
          .collect(Collectors.toSet());
      assertTrue(shardsWritten.size() >= SHARDS, "keys in every shard: " + shardsWritten);
      for (Map.Entry<String, String> entry : written.entrySet()) {
        assertEquals(entry.getValue(), jedis.get(entry.getKey()));
      }
    }
  }

  @Test
  @Order(4)
  void redisCliFollowsRedirectsFromEveryNode() throws Exception {
    for (NodeProcess node : cluster.nodes()) {
      for (int i = 0; i < 12; i++) {
        String key = "cli:" + node.name() + ":" + i;
        assertEquals("OK", RedisCli.run(node.respPort(), "-c", "set", key, "x"));
        written.put(key, "x");
      }
    }
    assertEquals("x", RedisCli.run(cluster.node(2).respPort(), "-c", "get", "cli:n1:5"));
  }

  @Test
  @Order(5)
  void eachNodeCountsAndScansOnlyTheKeysItIsMasterOf() {
    long total = 0;
    Set<String> scanned = new HashSet<>();
    for (NodeProcess node : cluster.nodes()) {
      try (Jedis jedis = new Jedis("127.0.0.1", node.respPort())) {
        long size = jedis.dbSize();
        assertTrue(size > 0 && size < written.size(), node.name() + " holds " + size);
        total += size;
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
          ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(50));
          keys.addAll(page.getResult());
          cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        assertEquals(size, new HashSet<>(keys).size(), node.name() + ": SCAN walks its own shards only");
        scanned.addAll(keys);
      }
    }
    assertEquals(written.size(), total, "DBSIZE over the masters counts each key once");
    assertEquals(written.keySet(), scanned);
  }

  @Test
  @Order(6)
  void aKilledNodesShardsServeAgainAndItLeadsItsShareOnceBack() throws Exception {
    NodeProcess victim = cluster.node(2);
    List<String> oneKeyPerShard = ShardProbes.oneKeyPerShard(SHARDS);
    long killedAt = System.nanoTime();
    victim.kill();
    cluster.awaitTrue(() -> ShardProbes.everyShardWrites(cluster, oneKeyPerShard, victim, key -> written.put(key, "after-kill")), Duration.ofSeconds(30),
        "every shard writable after SIGKILL of " + victim.name());
    long servingMs = (System.nanoTime() - killedAt) / 1_000_000;
    System.out.printf("ManyShardsIT: every one of %d shards served writes again %d ms after SIGKILL of %s%n",
        SHARDS, servingMs, victim.name());
    List<Integer> led = cluster.ledShardCounts();
    assertEquals(SHARDS, led.get(0) + led.get(1), "the live nodes lead every shard between them: " + led);

    long restartedAt = System.nanoTime();
    cluster.start(victim);
    awaitEvenLeaders(Duration.ofSeconds(60));
    System.out.printf("ManyShardsIT: leaders even (4 per node) %d ms after %s restarted%n",
        (System.nanoTime() - restartedAt) / 1_000_000, victim.name());

    try (JedisCluster jedis = new JedisCluster(seeds())) {
      for (Map.Entry<String, String> entry : written.entrySet()) {
        assertEquals(entry.getValue(), jedis.get(entry.getKey()), entry.getKey());
      }
    }
    String check = RedisCli.run(victim.respPort(), "--cluster", "check", "127.0.0.1:" + victim.respPort());
    assertTrue(check.contains("[OK] All 16384 slots covered."), check);
  }

  private static void awaitEvenLeaders(Duration timeout) {
    cluster.awaitTrue(() -> cluster.ledShardCounts().equals(List.of(4, 4, 4)), timeout,
        "4 leaders per node, have " + cluster.ledShardCounts());
  }

  private static Set<HostAndPort> seeds() {
    return cluster.nodes().stream().filter(NodeProcess::isAlive)
        .map(n -> new HostAndPort("127.0.0.1", n.respPort())).collect(Collectors.toSet());
  }
}
