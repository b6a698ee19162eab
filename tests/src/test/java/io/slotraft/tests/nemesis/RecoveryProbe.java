package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.ShardProbes;
import io.slotraft.tests.nemesis.workload.IndeterminateException;
import io.slotraft.tests.nemesis.workload.NotAppliedException;
import io.slotraft.tests.nemesis.workload.RespClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import redis.clients.jedis.HostAndPort;

/**
 * After each heal: how long until every shard takes a write again (the probe writes a key in each
 * shard's range, keys no workload uses) and until every node serves again. The next fault waits
 * for both, so that it never hits a node that is still starting.
 */
final class RecoveryProbe {
  private final ProcessCluster cluster;
  private final List<HostAndPort> nodes;
  private final List<String> keys;
  private final Duration patience;

  RecoveryProbe(ProcessCluster cluster, int shards, Duration patience) {
    this.cluster = cluster;
    this.nodes = cluster.nodes().stream().map(n -> new HostAndPort(n.host(), n.respPort())).toList();
    this.keys = ShardProbes.oneKeyPerShard(shards);
    this.patience = patience;
  }

  /** Waits (within the patience) until every shard took a write, then until every node serves. */
  Recovery await() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + patience.toNanos();
    Optional<Duration> writable = everyShardWrites(start, deadline);
    while (!cluster.runningNodesHealthy()) {
      if (System.nanoTime() > deadline) {
        return new Recovery(writable, Optional.empty());
      }
      Thread.sleep(50);
    }
    return new Recovery(writable, Optional.of(Duration.ofNanos(System.nanoTime() - start)));
  }

  private Optional<Duration> everyShardWrites(long start, long deadline) throws InterruptedException {
    try (RespClient client = new RespClient(nodes, new Random(start))) {
      for (String key : keys) {
        while (!writes(client, key)) {
          if (System.nanoTime() > deadline) {
            return Optional.empty();
          }
          Thread.sleep(50);
        }
      }
    }
    return Optional.of(Duration.ofNanos(System.nanoTime() - start));
  }

  private static boolean writes(RespClient client, String key) {
    try {
      return "OK".equals(client.call(key, jedis -> jedis.set(key, "recovered")));
    } catch (NotAppliedException | IndeterminateException notYet) {
      return false;
    }
  }
}
