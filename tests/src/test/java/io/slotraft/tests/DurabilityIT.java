package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/** Crash recovery: acknowledged writes survive SIGKILL of every node, from log alone and from snapshot + log. */
class DurabilityIT {
  static final int KEYS = 10_000;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;

  @Test
  void everyAcknowledgedWriteSurvivesKillingAllNodes() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.startThree(root, 20300)) {
      writeAndAcknowledge(cluster, "crash", 0, KEYS);
      for (NodeProcess node : cluster.nodes()) {
        node.kill();
      }
      restartAll(cluster);
      assertAllPresent(cluster, "crash", 0, KEYS);
    }
  }

  @Test
  void restartRecoversFromSnapshotPlusLog() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.startThree(root, 20400)) {
      writeAndAcknowledge(cluster, "snap", 0, KEYS);
      NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
      long leaderApplied = cluster.appliedIndex(leader);
      for (NodeProcess node : cluster.nodes()) {
        // A follower may still be applying the tail of the writes; snapshot once it has them all.
        cluster.awaitTrue(() -> cluster.appliedIndex(node) >= leaderApplied, Duration.ofSeconds(30),
            node.name() + " to apply every write");
        try (Jedis jedis = new Jedis("127.0.0.1", node.respPort())) {
          assertEquals("OK", jedis.save());
          assertTrue(jedis.info("persistence").contains("rdb_changes_since_last_save:0"), node.name());
        }
      }
      writeAndAcknowledge(cluster, "snap", KEYS, 2 * KEYS);
      leader = cluster.awaitLeader(Duration.ofSeconds(30));
      try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
        jedis.del("snap:0");
      }
      for (NodeProcess node : cluster.nodes()) {
        assertTrue(hasSnapshot(node), node.name() + " has no snapshot on disk");
        node.kill();
      }
      restartAll(cluster);
      assertAllPresent(cluster, "snap", 1, 2 * KEYS);
      NodeProcess newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
      try (Jedis jedis = new Jedis("127.0.0.1", newLeader.respPort())) {
        assertEquals(null, jedis.get("snap:0"), "a delete after the snapshot must replay from the log");
        assertEquals(2L * KEYS - 1, jedis.dbSize());
      }
    }
  }

  static boolean hasSnapshot(NodeProcess node) throws Exception {
    Path snapshots = node.dataDir().resolve("shards/s1/snapshot");
    try (var entries = Files.list(snapshots)) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith("snapshot_"));
    }
  }

  /**
   * Writes {@code prefix:i = value-i} for every i, in pipelined chunks, until each is acknowledged.
   * A chunk that meets a leader change (TRYAGAIN, MOVED, an uncertain write, a broken connection) is
   * sent again to the current leader: SET is idempotent, so a write that did land is not harmed, and
   * only an OK counts as acknowledged.
   */
  static void writeAndAcknowledge(ProcessCluster cluster, String prefix, int from, int to) throws InterruptedException {
    for (int start = from; start < to; start += CHUNK) {
      int end = Math.min(to, start + CHUNK);
      for (int attempt = 1; !writeChunk(cluster.awaitLeader(Duration.ofSeconds(30)), prefix, start, end); attempt++) {
        assertTrue(attempt < 50, "chunk " + start + ".." + end + " never acknowledged\n" + cluster.logTails());
        Thread.sleep(200);
      }
    }
  }

  private static final int CHUNK = 1000;

  private static boolean writeChunk(NodeProcess leader, String prefix, int from, int to) {
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
      Pipeline pipeline = jedis.pipelined();
      List<Response<String>> replies = new ArrayList<>();
      for (int i = from; i < to; i++) {
        replies.add(pipeline.set(prefix + ":" + i, "value-" + i));
      }
      pipeline.sync();
      for (Response<String> reply : replies) {
        if (!"OK".equals(reply.get())) {
          return false;
        }
      }
      return true;
    } catch (JedisException e) {
      return false;
    }
  }

  static void restartAll(ProcessCluster cluster) throws Exception {
    for (NodeProcess node : cluster.nodes()) {
      cluster.start(node);
    }
    cluster.awaitHealthy(Duration.ofSeconds(60));
  }

  static void assertAllPresent(ProcessCluster cluster, String prefix, int from, int to) {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
      Pipeline pipeline = jedis.pipelined();
      List<Response<String>> replies = new ArrayList<>();
      for (int i = from; i < to; i++) {
        replies.add(pipeline.get(prefix + ":" + i));
      }
      pipeline.sync();
      for (int i = from; i < to; i++) {
        assertEquals("value-" + i, replies.get(i - from).get(), "lost " + prefix + ":" + i);
      }
    }
  }
}
