package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.Repo;
import io.slotraft.tests.harness.Slots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.resps.ClusterShardInfo;
import redis.clients.jedis.resps.ClusterShardNodeInfo;

/**
 * The admin CLI as an operator runs it, a separate process against real nodes: {@code status} shows
 * meta's topology and who leads what; {@code set-preferred-leader} raises the epoch and moves a
 * shard's leader while JedisCluster writes to that shard without a failure; mistakes get one line
 * and exit code 1; and status still answers, through another node, after a node is SIGKILLed.
 */
class AdminCliIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;

  /** One admin CLI run: its exit code and what it printed (stdout and stderr together). */
  record Run(int code, String out) {}

  private static Run admin(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Repo.adminJar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("slotraft-admin " + String.join(" ", args) + " did not finish in 90 s");
    }
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** The status line of one shard, split on spaces: id, slots, preferred, leader, replicas. */
  private static String[] shardLine(Run status, String shardId) {
    return status.out().lines().filter(line -> line.startsWith(shardId + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + shardId + " in\n" + status.out()))
        .trim().split(" +");
  }

  private static int masterPortOf(NodeProcess node, int slot) {
    try (Jedis jedis = new Jedis("127.0.0.1", node.respPort())) {
      for (ClusterShardInfo shard : jedis.clusterShards()) {
        for (List<Long> range : shard.getSlots()) {
          if (slot >= range.get(0) && slot <= range.get(1)) {
            return shard.getNodes().stream().filter(n -> n.getRole().equals("master")).findFirst()
                .map(ClusterShardNodeInfo::getPort).orElse(-1L).intValue();
          }
        }
      }
    }
    return -1;
  }

  @Test
  void statusAndSetPreferredLeaderWorkOnALiveClusterUnderWritesAndStatusSurvivesANodeKill() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(root, 3, 25500, "--shards", "6")) {
      cluster.awaitTrue(() -> cluster.ledShardCounts().equals(List.of(2, 2, 2)), Duration.ofSeconds(60),
          "2 leaders per node, have " + cluster.ledShardCounts());
      String viaN2 = "127.0.0.1:" + cluster.node(1).grpcPort();
      // Reports reach meta within a couple of seconds of a start or a leadership change.
      cluster.awaitTrue(() -> statusLeaders(viaN2).equals(statusPreferred(viaN2)), Duration.ofSeconds(30),
          "every shard reported led by its preferred leader");

      Run status = admin("status", "--node", viaN2);
      assertEquals(0, status.code(), status.out());
      assertTrue(status.out().startsWith("epoch 1: 3 nodes, 6 shards x 3 replicas"), status.out());
      String[] s3 = shardLine(status, "s3");
      String[] replicas = s3[4].split(",");
      String target = replicas[2];
      assertNotEquals(s3[2], target);
      NodeProcess targetNode = cluster.nodes().stream().filter(n -> n.name().equals(target)).findFirst().orElseThrow();
      int slot = Integer.parseInt(s3[1].split("-")[0]) + 7;

      Set<HostAndPort> seeds = Set.of(new HostAndPort("127.0.0.1", cluster.node(0).respPort()));
      Map<String, String> acknowledged = new ConcurrentHashMap<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      try (JedisCluster jedis = new JedisCluster(seeds)) {
        Thread writer = new Thread(() -> {
          for (int i = 0; writing.get() && failure.get() == null; i++) {
            String key = Slots.keyInSlot(slot, "moving-" + i);
            try {
              jedis.set(key, "v" + i);
              acknowledged.put(key, "v" + i);
            } catch (RuntimeException e) {
              failure.set(e);
            }
          }
        }, "writer");
        writer.start();
        cluster.awaitTrue(() -> acknowledged.size() >= 50, Duration.ofSeconds(30), "writes before the move");

        Run move = admin("set-preferred-leader", "--node", viaN2, "s3", target);
        assertEquals(0, move.code(), move.out());
        assertTrue(move.out().contains(target + " is now the preferred leader of s3 (epoch 2)"), move.out());
        assertTrue(move.out().contains(target + " leads s3"), move.out());
        cluster.awaitTrue(() -> masterPortOf(cluster.node(0), slot) == targetNode.respPort(), Duration.ofSeconds(30),
            "CLUSTER SHARDS names " + target + " master of s3");
        int atMove = acknowledged.size();
        cluster.awaitTrue(() -> acknowledged.size() >= atMove + 50, Duration.ofSeconds(30), "writes after the move");
        writing.set(false);
        writer.join(30_000);
        assertEquals(null, failure.get(), "no JedisCluster write failed through the move");
        for (Map.Entry<String, String> written : acknowledged.entrySet()) {
          assertEquals(written.getValue(), jedis.get(written.getKey()), written.getKey());
        }
      }

      Run after = admin("status", "--node", viaN2);
      assertTrue(after.out().startsWith("epoch 2: "), after.out());
      assertEquals(target, shardLine(after, "s3")[2]);
      Run again = admin("set-preferred-leader", "--node", viaN2, "--wait-secs", "0", "s3", target);
      assertEquals(0, again.code(), again.out());
      assertTrue(again.out().contains("already the preferred leader of s3 (epoch 2)"), again.out());

      Run noSuchNode = admin("set-preferred-leader", "--node", viaN2, "s3", "n9");
      assertEquals(1, noSuchNode.code(), noSuchNode.out());
      assertEquals("slotraft-admin: no node 'n9' in the cluster; its nodes are [n1, n2, n3]", noSuchNode.out().trim());
      Run unreachable = admin("status", "--node", "127.0.0.1:1");
      assertEquals(1, unreachable.code(), unreachable.out());
      assertFalse(unreachable.out().contains("Exception"), unreachable.out());
      Run badFlag = admin("status", "--nodes", viaN2);
      assertEquals(2, badFlag.code(), badFlag.out());

      targetNode.kill();
      NodeProcess other = cluster.nodes().stream().filter(n -> n != targetNode).findFirst().orElseThrow();
      String viaOther = "127.0.0.1:" + other.grpcPort();
      cluster.awaitTrue(() -> !statusLeaderOf(viaOther, "s3").equals(target), Duration.ofSeconds(30),
          "status through " + other.name() + " shows another leader of s3 after " + target + " died");
    }
  }

  private static String statusLeaderOf(String node, String shardId) {
    try {
      Run status = admin("status", "--node", node);
      return status.code() == 0 ? shardLine(status, shardId)[3] : "unknown";
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> column(String node, int index) {
    try {
      Run status = admin("status", "--node", node);
      if (status.code() != 0) {
        return List.of("unknown");
      }
      return status.out().lines().filter(l -> l.matches("s\\d+ .*")).map(l -> l.trim().split(" +")[index]).toList();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> statusLeaders(String node) {
    return column(node, 3);
  }

  private static List<String> statusPreferred(String node) {
    return column(node, 2);
  }
}
