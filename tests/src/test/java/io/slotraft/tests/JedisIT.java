package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.RedisCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/** Jedis (single-node and cluster clients) and redis-cli against three real node processes. */
class JedisIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 20000);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  private static Set<HostAndPort> seeds() {
    return cluster.nodes().stream().map(n -> new HostAndPort("127.0.0.1", n.respPort())).collect(Collectors.toSet());
  }

  @Test
  void aWriteThroughAFollowerIsMovedToTheLeader() {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    NodeProcess follower = cluster.followers().get(0);
    try (Jedis jedis = new Jedis("127.0.0.1", follower.respPort())) {
      JedisMovedDataException moved = assertThrows(JedisMovedDataException.class, () -> jedis.set("greeting", "hello"));
      assertEquals(leader.respPort(), moved.getTargetNode().getPort());
      assertEquals(io.slotraft.tests.harness.Slots.of("greeting"), moved.getSlot());
    }
  }

  @Test
  void jedisClusterFollowsRedirectsAndReadsFromAnyEntryPoint() {
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      for (int i = 0; i < 200; i++) {
        assertEquals("OK", jedis.set("user:" + i, "v" + i));
      }
      for (int i = 0; i < 200; i++) {
        assertEquals("v" + i, jedis.get("user:" + i));
      }
      assertEquals(5, jedis.incrBy("counter", 5));
      assertEquals(1, jedis.del("user:0"));
      assertNull(jedis.get("user:0"));
    }
  }

  @Test
  void redisCliWithClusterModeSetsOnOneNodeAndGetsFromAnother() throws Exception {
    NodeProcess first = cluster.node(0);
    NodeProcess second = cluster.node(1);
    assertEquals("OK", RedisCli.run(first.respPort(), "-c", "set", "cli:greeting", "hello"));
    assertEquals("hello", RedisCli.run(second.respPort(), "-c", "get", "cli:greeting"));
  }

  @Test
  void theClusterDescribesItselfLikeRedisCluster() {
    try (Jedis jedis = new Jedis("127.0.0.1", cluster.node(0).respPort())) {
      String info = jedis.clusterInfo();
      assertTrue(info.contains("cluster_state:ok"), info);
      assertTrue(info.contains("cluster_slots_assigned:16384"), info);
      String nodes = jedis.clusterNodes();
      assertEquals(3, nodes.lines().count(), nodes);
      assertTrue(nodes.contains("myself"), nodes);
      assertEquals(1, nodes.lines().filter(l -> l.contains("master")).count(), nodes);
      assertEquals(java.util.Map.of("appendonly", "yes"), jedis.configGet("appendonly"));
      assertEquals("OK", jedis.configSet("slotraft-snapshot-log-entries", "100000"));
    }
  }

  @Test
  void theLeaderExpiresKeysOnEveryReplica() {
    int slot = io.slotraft.tests.harness.Slots.of("{exp}");
    try (JedisCluster jedis = new JedisCluster(seeds())) {
      for (int i = 0; i < 50; i++) {
        jedis.psetex("{exp}:" + i, 300, "v");
      }
      jedis.set("{exp}:kept", "v");
    }
    for (NodeProcess node : cluster.nodes()) {
      try (Jedis jedis = new Jedis("127.0.0.1", node.respPort())) {
        // COUNTKEYSINSLOT counts keys the replica still stores: they go only when the leader's
        // expiry entries are applied there.
        cluster.awaitTrue(() -> jedis.clusterCountKeysInSlot(slot) == 1, Duration.ofSeconds(20),
            "expired keys deleted on " + node.name());
        jedis.readonly();
        assertNull(jedis.get("{exp}:0"));
        assertEquals("v", jedis.get("{exp}:kept"));
      }
    }
  }
}
