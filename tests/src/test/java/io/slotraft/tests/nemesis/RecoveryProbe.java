package io.slotraft.tests.nemesis;

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
 * "Recovered" means every shard takes a write again: after each heal the probe writes a key in each
 * shard's range (keys no workload uses) until all are acknowledged, and says how long that took.
 */
final class RecoveryProbe {
  private final List<HostAndPort> nodes;
  private final List<String> keys;
  private final Duration patience;

  RecoveryProbe(List<HostAndPort> nodes, int shards, Duration patience) {
    this.nodes = nodes;
    this.keys = ShardProbes.oneKeyPerShard(shards);
    this.patience = patience;
  }

  /** How long until every shard took a write, or empty if they did not within the patience. */
  Optional<Duration> await() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + patience.toNanos();
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
