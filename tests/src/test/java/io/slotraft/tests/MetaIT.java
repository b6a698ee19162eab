package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.RedisCli;
import io.slotraft.tests.harness.Slots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.ClusterShardInfo;
import redis.clients.jedis.resps.ClusterShardNodeInfo;

/**
 * The meta group as a user meets it: a fresh cluster bootstraps meta once, a cluster whose every node
 * is SIGKILLed comes back to the same topology without a second bootstrap, a five-node cluster (meta
 * on all five) places twelve shards as meta recorded them and serves every one, and a fourth node
 * (no meta replica) reads meta from the others and follows it even when its own settings differ;
 * data directories from before meta bootstrap meta to the layout their data already has.
 */
class MetaIT {
  private static final int SHARDS = 12;
  private static final String PROPOSING = "proposing Bootstrap";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;

  @Test
  void aFreshClusterBootstrapsOnceAndAfterSigkillOfEveryNodeKeepsItsTopologyAndData() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(root, 3, 24700, "--shards", Integer.toString(SHARDS))) {
      awaitMeta(cluster);
      String bootstrapIndex = cluster.statusField(cluster.node(0), "meta_bootstrap_index").orElseThrow();
      for (NodeProcess node : cluster.nodes()) {
        assertEquals("1", cluster.statusField(node, "meta_applied_bootstraps").orElseThrow(), node.name());
        assertEquals(bootstrapIndex, cluster.statusField(node, "meta_bootstrap_index").orElseThrow(), node.name());
        try (Jedis jedis = new Jedis("127.0.0.1", node.respPort())) {
          String info = jedis.info("cluster");
          assertTrue(info.contains("meta_epoch:1") && info.contains("meta_bootstrapped:1"), info);
        }
      }
      Map<String, Set<String>> topology = replicasByRange(cluster.node(0));
      assertEquals(SHARDS, topology.size(), topology.toString());
      long proposals = countInLogs(cluster, PROPOSING);
      assertTrue(proposals >= 1, "a meta leader proposed Bootstrap");

      Map<String, String> written = writeKeys(cluster, "before-kill", 300);
      for (NodeProcess node : cluster.nodes()) {
        node.kill();
      }
      for (NodeProcess node : cluster.nodes()) {
        cluster.start(node);
      }
      cluster.awaitHealthy(Duration.ofSeconds(90));
      awaitMeta(cluster);
      // Leaders settle on their preferred replicas a few seconds after a restart; reads wait for that
      // rather than meet TRYAGAIN during a handover, which JedisCluster does not retry.
      cluster.awaitTrue(() -> cluster.ledShardCounts().equals(List.of(4, 4, 4)), Duration.ofSeconds(60),
          "4 leaders per node, have " + cluster.ledShardCounts());

      for (NodeProcess node : cluster.nodes()) {
        assertEquals(bootstrapIndex, cluster.statusField(node, "meta_bootstrap_index").orElseThrow(),
            node.name() + ": the Bootstrap that took effect is still the first one");
        assertEquals("1", cluster.statusField(node, "meta_applied_bootstraps").orElseThrow(), node.name());
        assertEquals(topology, replicasByRange(node), node.name() + " serves the topology meta recorded first");
      }
      assertEquals(proposals, countInLogs(cluster, PROPOSING), "no meta leader proposed Bootstrap after the restart");
      try (JedisCluster jedis = new JedisCluster(seeds(cluster))) {
        for (Map.Entry<String, String> entry : written.entrySet()) {
          assertEquals(entry.getValue(), jedis.get(entry.getKey()), entry.getKey());
        }
      }
    }
  }

  @Test
  void fiveNodesHoldSevenOrEightReplicasEachAndServeEveryShard() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(root, 5, 24900, "--shards", Integer.toString(SHARDS))) {
      awaitMeta(cluster);
      for (NodeProcess node : cluster.nodes()) {
        String role = cluster.statusField(node, "meta_role").orElseThrow();
        assertTrue(role.equals("leader") || role.equals("follower"), node.name() + " holds a meta replica: " + role);
        int replicas = cluster.status(node).orElseThrow().split("\"shard\":", -1).length - 1;
        assertTrue(replicas == 7 || replicas == 8, node.name() + " holds " + replicas + " replicas");
      }
      Map<String, String> written = writeKeys(cluster, "five", 600);
      Set<Integer> shardsWritten = written.keySet().stream().map(k -> Slots.of(k) * SHARDS / 16384)
          .collect(Collectors.toSet());
      assertEquals(SHARDS, shardsWritten.size(), "keys in every shard: " + shardsWritten);
      String check = RedisCli.run(cluster.node(3).respPort(), "--cluster", "check",
          "127.0.0.1:" + cluster.node(3).respPort());
      assertTrue(check.contains("[OK] All nodes agree about slots configuration."), check);
      assertTrue(check.contains("[OK] All 16384 slots covered."), check);
    }
  }

  @Test
  void aNodeWithoutAMetaReplicaReadsMetaFromTheMembersAndFollowsItOverItsOwnSettings() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(root, 4, 25100, "--shards", "4")) {
      awaitMeta(cluster);
      NodeProcess fourth = cluster.node(3);
      assertEquals("none", cluster.statusField(fourth, "meta_role").orElseThrow(), "meta is on n1-n3 only");
      Map<String, Set<String>> topology = replicasByRange(cluster.node(0));
      assertEquals(topology, replicasByRange(fourth));

      // n4 comes back empty and configured for 8 shards: meta's 4 shards win, and n4 says so.
      fourth.kill();
      cluster.wipe(fourth);
      cluster.startWithFlags(fourth, "--shards", "8");
      cluster.awaitHealthy(Duration.ofSeconds(60));
      awaitMeta(cluster);
      assertTrue(fourth.log().contains("this node's configuration differs from the topology meta recorded; "
          + "following meta: shards: meta has 4, configured 8"), cluster.logTails());
      assertEquals(topology, replicasByRange(fourth));
      Map<String, String> written = writeKeys(cluster, "four", 200);
      try (JedisCluster jedis = new JedisCluster(Set.of(new HostAndPort("127.0.0.1", fourth.respPort())))) {
        for (Map.Entry<String, String> entry : written.entrySet()) {
          assertEquals(entry.getValue(), jedis.get(entry.getKey()), entry.getKey());
        }
      }
      String check = RedisCli.run(fourth.respPort(), "--cluster", "check", "127.0.0.1:" + fourth.respPort());
      assertTrue(check.contains("[OK] All 16384 slots covered."), check);
    }
  }

  @Test
  void aClusterFromBeforeMetaBootstrapsMetaToTheLayoutItsDataHas() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(root, 3, 25300, "--shards", "6")) {
      awaitMeta(cluster);
      Map<String, Set<String>> topology = replicasByRange(cluster.node(0));
      Map<String, String> written = writeKeys(cluster, "old", 200);
      // Data directories as a build from before meta left them: shard replicas, no meta (neither its
      // directory nor its entries in the node's Raft log store).
      for (NodeProcess node : cluster.nodes()) {
        node.kill();
        deleteTree(node.dataDir().resolve("meta"));
        try (NodeLogStore store = NodeLogStore.open(node.dataDir().resolve("raft-log"), damage -> {
          throw new IOException("the store of a killed node is not damaged: " + damage);
        }, System::currentTimeMillis)) {
          store.dropGroup("meta");
        }
      }
      for (NodeProcess node : cluster.nodes()) {
        cluster.start(node);
      }
      cluster.awaitHealthy(Duration.ofSeconds(90));
      awaitMeta(cluster);
      for (NodeProcess node : cluster.nodes()) {
        assertEquals("1", cluster.statusField(node, "meta_applied_bootstraps").orElseThrow(), node.name());
        assertEquals(topology, replicasByRange(node), node.name());
      }
      awaitPreferredLeaders(cluster);
      try (JedisCluster jedis = new JedisCluster(seeds(cluster))) {
        for (Map.Entry<String, String> entry : written.entrySet()) {
          assertEquals(entry.getValue(), jedis.get(entry.getKey()), entry.getKey());
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = java.nio.file.Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(path);
      }
    }
  }

  /** Every node follows a bootstrapped meta at epoch 1. */
  private static void awaitMeta(ProcessCluster cluster) {
    cluster.awaitTrue(() -> cluster.nodes().stream().allMatch(node ->
            cluster.statusField(node, "meta_bootstrapped").orElse("").equals("true")
                && cluster.statusField(node, "meta_epoch").orElse("").equals("1")),
        Duration.ofSeconds(60), "every node following meta at epoch 1");
  }

  /** From CLUSTER SHARDS: each slot range and the node ids holding it (leaders move; replicas do not). */
  private static Map<String, Set<String>> replicasByRange(NodeProcess node) {
    try (Jedis jedis = new Jedis("127.0.0.1", node.respPort())) {
      Map<String, Set<String>> byRange = new TreeMap<>();
      for (ClusterShardInfo shard : jedis.clusterShards()) {
        String range = shard.getSlots().stream().map(r -> r.get(0) + "-" + r.get(1)).collect(Collectors.joining(","));
        byRange.put(range, shard.getNodes().stream().map(ClusterShardNodeInfo::getId).collect(Collectors.toSet()));
      }
      return byRange;
    }
  }

  /**
   * Writes through JedisCluster once every shard is led by its preferred replica (leaders move there
   * after a start, and a write meeting the handover gets TRYAGAIN). A TRYAGAIN still met is resent:
   * it means the write did not run, and JedisCluster leaves retrying it to the caller.
   */
  private static Map<String, String> writeKeys(ProcessCluster cluster, String prefix, int count)
      throws InterruptedException {
    awaitPreferredLeaders(cluster);
    Map<String, String> written = new LinkedHashMap<>();
    try (JedisCluster jedis = new JedisCluster(seeds(cluster))) {
      for (int i = 0; i < count; i++) {
        String key = prefix + ":" + i;
        for (int attempt = 1; ; attempt++) {
          try {
            assertEquals("OK", jedis.set(key, "v" + i));
            break;
          } catch (JedisDataException e) {
            if (!e.getMessage().startsWith("TRYAGAIN") || attempt == 20) {
              throw e;
            }
            Thread.sleep(100);
          }
        }
        written.put(key, "v" + i);
      }
    }
    return written;
  }

  private static final Pattern SHARD_ROLE =
      Pattern.compile("\\{\"shard\":\"[^\"]*\",\"slots\":\"[^\"]*\",\"role\":\"(\\w+)\",\"leader\":\"[^\"]*\",\"preferred_leader\":\"(\\w*)\"");

  /** Every replica whose node is its shard's preferred leader leads it, by every node's /status. */
  private static void awaitPreferredLeaders(ProcessCluster cluster) {
    cluster.awaitTrue(() -> cluster.nodes().stream().allMatch(node -> cluster.status(node).map(status -> {
      Matcher shard = SHARD_ROLE.matcher(status);
      while (shard.find()) {
        if (shard.group(2).equals(node.name()) && !shard.group(1).equals("leader")) {
          return false;
        }
      }
      return true;
    }).orElse(false)), Duration.ofSeconds(60), "every shard led by its preferred leader");
  }

  private static long countInLogs(ProcessCluster cluster, String text) {
    long count = 0;
    for (NodeProcess node : cluster.nodes()) {
      try {
        count += node.log().split(text, -1).length - 1;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }

  private static Set<HostAndPort> seeds(ProcessCluster cluster) {
    return cluster.nodes().stream().map(n -> new HostAndPort("127.0.0.1", n.respPort())).collect(Collectors.toSet());
  }
}
