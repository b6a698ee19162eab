package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Lettuce's RedisClusterClient against three real node processes: topology, redirects, every family. */
class LettuceIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;
  static RedisClusterClient client;
  static StatefulRedisClusterConnection<String, String> connection;

  @BeforeAll
  static void start() throws Exception {
    cluster = ProcessCluster.startThree(root, 21500);
    List<RedisURI> seeds = cluster.nodes().stream()
        .map(NodeProcess::respPort).map(port -> RedisURI.create("127.0.0.1", port)).toList();
    client = RedisClusterClient.create(seeds);
    connection = client.connect();
  }

  @AfterAll
  static void stop() {
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theClusterClientSeesOneMasterOwningEverySlot() {
    var partitions = client.getPartitions();
    assertEquals(3, partitions.size());
    assertEquals(1, partitions.stream().filter(n -> n.is(NodeFlag.UPSTREAM)).count());
    assertTrue(partitions.stream().filter(n -> n.is(NodeFlag.UPSTREAM)).allMatch(n -> n.getSlots().size() == 16384));
  }

  @Test
  void everyFamilyWorksThroughLettuce() {
    RedisAdvancedClusterCommands<String, String> redis = connection.sync();
    assertEquals("OK", redis.set("lettuce:s", "hello"));
    assertEquals("hello", redis.get("lettuce:s"));
    assertEquals(5L, redis.incrby("lettuce:n", 5));
    assertEquals(2L, redis.hset("lettuce:h", Map.of("a", "1", "b", "2")));
    assertEquals(Map.of("a", "1", "b", "2"), redis.hgetall("lettuce:h"));
    assertEquals(3L, redis.rpush("lettuce:l", "x", "y", "z"));
    assertEquals(List.of("x", "y", "z"), redis.lrange("lettuce:l", 0, -1));
    assertEquals(2L, redis.sadd("lettuce:set", "m1", "m2"));
    assertEquals(Set.of("m1", "m2"), redis.smembers("lettuce:set"));
    assertEquals(2L, redis.zadd("lettuce:z", ScoredValue.just(2, "two"), ScoredValue.just(1, "one")));
    assertEquals(List.of("one", "two"), redis.zrange("lettuce:z", 0, -1));
    assertEquals(1L, redis.pfadd("lettuce:hll", "a"));
    RedisCommandExecutionException wrongType =
        assertThrows(RedisCommandExecutionException.class, () -> redis.lpush("lettuce:h", "x"));
    assertTrue(wrongType.getMessage().startsWith("WRONGTYPE"), wrongType.getMessage());
    assertEquals(1L, redis.del("lettuce:s"));
    assertNull(redis.get("lettuce:s"));
  }

  @Test
  void manyKeysAcrossSlotsRoundTrip() {
    RedisAdvancedClusterCommands<String, String> redis = connection.sync();
    for (int i = 0; i < 500; i++) {
      redis.set("lettuce:key:" + i, "v" + i);
    }
    for (int i = 0; i < 500; i++) {
      assertEquals("v" + i, redis.get("lettuce:key:" + i));
    }
  }
}
