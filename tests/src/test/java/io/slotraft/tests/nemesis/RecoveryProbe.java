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
 * "Recovered" means every node serves again (answers /health: a restarted node does so once it has
 * its replicas and meta's topology) and every shard takes a write: after each heal the probe waits
 * for both, writing a key in each shard's range (keys no workload uses), and says how long it took.
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

  /** How long until every shard took a write, or empty if they did not within the patience. */
  Optional<Duration> await() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + patience.toNanos();
    while (!cluster.runningNodesHealthy()) {
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(50);
    }
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
