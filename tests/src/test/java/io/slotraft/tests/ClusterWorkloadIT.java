package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.RedisCli;
import io.slotraft.tests.harness.ShardProbes;
import io.slotraft.tests.workload.ClientLoad;
import io.slotraft.tests.workload.JedisClusterLoad;
import io.slotraft.tests.workload.LettuceClusterLoad;
import io.slotraft.tests.workload.SmartClientLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Response;

/**
 * Three client libraries at once against three nodes with twelve shards (each node leads four),
 * while one node is SIGKILLed and, eight seconds later, restarted:
 *
 * <ol>
 *   <li>JedisCluster, Lettuce's RedisClusterClient and the smart client each run a mixed load;
 *   <li>n2 is killed: its four shards elect leaders on n1 and n3; a probe writes to every shard
 *       until all twelve answer (the figure "every shard serves again");
 *   <li>n2 restarts, catches up, and leader balancing gives it back four shards;
 *   <li>the load runs a few seconds more, then stops.
 * </ol>
 *
 * No operation may fail beyond the libraries' own retries, every acknowledged write must be there
 * with its value (read through JedisCluster), every smart-client counter must equal its acknowledged
 * INCRs, leaders must be even again and {@code redis-cli --cluster check} must pass.
 */
class ClusterWorkloadIT {
  private static final int SHARDS = 12;
  private static final List<Integer> EVEN = List.of(4, 4, 4);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 23000, "--shards", Integer.toString(SHARDS));
    cluster.awaitTrue(() -> cluster.ledShardCounts().equals(EVEN), Duration.ofSeconds(60),
        "4 leaders per node after start, have " + cluster.ledShardCounts());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void threeClientLibrariesRideOutTheKillAndRestartOfANodeWithoutLosingAnAcknowledgedWrite() throws Exception {
    List<Integer> respPorts = cluster.nodes().stream().map(NodeProcess::respPort).toList();
    List<Integer> grpcPorts = cluster.nodes().stream().map(NodeProcess::grpcPort).toList();
    JedisClusterLoad jedis = new JedisClusterLoad(seeds(), 2);
    LettuceClusterLoad lettuce = new LettuceClusterLoad(respPorts, 2);
    SmartClientLoad smart = new SmartClientLoad(grpcPorts, 2);
    List<ClientLoad> loads = List.of(jedis, lettuce, smart);
    NodeProcess victim = cluster.node(1);
    Map<String, String> probed = new LinkedHashMap<>();
    long servingMs;
    long evenMs;
    /** Operations of each load at the kill, the restart, leaders even, and the end. */
    List<List<Long>> phases = new ArrayList<>();
    try {
      loads.forEach(ClientLoad::start);
      long loadStartedAt = System.nanoTime();
      Thread.sleep(4000);

      phases.add(operations(loads));
      long killedAt = System.nanoTime();
      System.out.printf("ClusterWorkloadIT: SIGKILL of %s at +%d ms%n", victim.name(), millisSince(loadStartedAt));
      victim.kill();
      List<String> probes = ShardProbes.oneKeyPerShard(SHARDS);
      cluster.awaitTrue(() -> ShardProbes.everyShardWrites(cluster, probes, victim, key -> probed.put(key, "after-kill")), Duration.ofSeconds(60),
          "every shard writable after SIGKILL of " + victim.name());
      servingMs = millisSince(killedAt);
      List<Integer> led = cluster.ledShardCounts();
      assertEquals(SHARDS, led.stream().filter(n -> n > 0).mapToInt(Integer::intValue).sum(),
          "the live nodes lead every shard between them: " + led);

      Thread.sleep(Math.max(0, 8000 - millisSince(killedAt)));
      phases.add(operations(loads));
      long restartedAt = System.nanoTime();
      System.out.printf("ClusterWorkloadIT: restart of %s at +%d ms%n", victim.name(), millisSince(loadStartedAt));
      cluster.start(victim);
      cluster.awaitTrue(() -> cluster.ledShardCounts().equals(EVEN), Duration.ofSeconds(90),
          "4 leaders per node after " + victim.name() + " restarted, have " + cluster.ledShardCounts());
      evenMs = millisSince(restartedAt);
      phases.add(operations(loads));
      System.out.printf("ClusterWorkloadIT: leaders even at +%d ms%n", millisSince(loadStartedAt));
      Thread.sleep(3000);
    } finally {
      for (ClientLoad load : loads) {
        load.stop();
      }
    }
    phases.add(operations(loads));

    for (int i = 0; i < loads.size(); i++) {
      ClientLoad load = loads.get(i);
      System.out.printf("FIGURE cluster workload: %s %d operations (%d before the kill, %d while %s was down, %d until "
          + "leaders were even, %d after), %d failed, %d acknowledged writes%n", load.name(), load.operations(),
          phases.get(0).get(i), phases.get(1).get(i) - phases.get(0).get(i), victim.name(),
          phases.get(2).get(i) - phases.get(1).get(i), phases.get(3).get(i) - phases.get(2).get(i),
          load.failures(), load.acknowledgedWrites().size());
      System.out.printf("FIGURE cluster workload: %s slowest operation: %s%n", load.name(), load.slowestOperation());
      System.out.printf("ClusterWorkloadIT: %s operations over 1 s: %s%n", load.name(), load.slowOperations());
    }
    System.out.printf("FIGURE cluster workload: every one of %d shards served writes again %d ms after SIGKILL of %s%n",
        SHARDS, servingMs, victim.name());
    System.out.printf("FIGURE cluster workload: leaders even (4 per node) %d ms after %s restarted%n", evenMs,
        victim.name());
    System.out.printf("FIGURE cluster workload: smart client %s%n", smart.metrics());

    for (ClientLoad load : loads) {
      load.close();
    }
    String failures = loads.stream().map(ClientLoad::failureReport).collect(Collectors.joining("\n"));
    assertEquals(0, loads.stream().mapToLong(ClientLoad::failures).sum(), "no operation may fail:\n" + failures);
    for (ClientLoad load : loads) {
      assertEquals(List.of(), load.wrongReads(), load.name() + " read values other than those acknowledged");
      assertTrue(load.operations() > 100, load.name() + " did too little to mean anything: " + load.operations());
    }
    everyAcknowledgedWriteIsPresent(loads, probed, smart.acknowledgedIncrs());
    assertEquals(EVEN, cluster.ledShardCounts(), "leaders still even at the end");
    String check = RedisCli.run(victim.respPort(), "--cluster", "check", "127.0.0.1:" + victim.respPort());
    assertTrue(check.contains("[OK] All nodes agree about slots configuration."), check);
    assertTrue(check.contains("[OK] All 16384 slots covered."), check);
  }

  /** Reads back, through a fresh JedisCluster in pipelines per node, every write any client saw acknowledged. */
  private static void everyAcknowledgedWriteIsPresent(List<ClientLoad> loads, Map<String, String> probed,
      Map<String, Long> counters) {
    Map<String, String> expected = new LinkedHashMap<>(probed);
    loads.forEach(load -> expected.putAll(load.acknowledgedWrites()));
    counters.forEach((key, count) -> expected.put(key, Long.toString(count)));
    List<String> missing = new ArrayList<>();
    List<Map.Entry<String, String>> entries = new ArrayList<>(expected.entrySet());
    try (JedisCluster reader = new JedisCluster(seeds())) {
      for (int from = 0; from < entries.size(); from += 1000) {
        List<Map.Entry<String, String>> chunk = entries.subList(from, Math.min(entries.size(), from + 1000));
        List<Response<String>> values = new ArrayList<>();
        try (ClusterPipeline pipeline = reader.pipelined()) {
          chunk.forEach(entry -> values.add(pipeline.get(entry.getKey())));
          pipeline.sync();
        }
        for (int i = 0; i < chunk.size(); i++) {
          if (!chunk.get(i).getValue().equals(values.get(i).get())) {
            missing.add(chunk.get(i).getKey() + "=" + values.get(i).get() + " (acknowledged " + chunk.get(i).getValue() + ")");
          }
        }
      }
    }
    System.out.printf("FIGURE cluster workload: %d acknowledged writes and %d counters read back, %d wrong%n",
        expected.size() - counters.size(), counters.size(), missing.size());
    assertEquals(List.of(), missing.subList(0, Math.min(20, missing.size())),
        missing.size() + " acknowledged writes missing or different");
  }

  private static List<Long> operations(List<ClientLoad> loads) {
    return loads.stream().map(ClientLoad::operations).toList();
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static Set<HostAndPort> seeds() {
    return cluster.nodes().stream().filter(NodeProcess::isAlive)
        .map(n -> new HostAndPort("127.0.0.1", n.respPort())).collect(Collectors.toSet());
  }
}
