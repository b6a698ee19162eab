package io.slotraft.tests.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * Probes of a cluster cut into equal shards (the planner's layout): one key inside each shard's
 * range, and "does every shard take a write now?", as a failover test asks after a SIGKILL.
 */
public final class ShardProbes {
  private ShardProbes() {}

  /**
   * A key whose slot lies well inside each shard's range (shard k owns about k * 16384 / shards on),
   * so that rounding of range ends cannot put one in the next shard; in shard order.
   */
  public static List<String> oneKeyPerShard(int shards) {
    return oneKeyPerShard("probe:", shards);
  }

  /** Like {@link #oneKeyPerShard(int)}, with keys {@code <prefix><n>}, so workloads get keys no probe writes. */
  public static List<String> oneKeyPerShard(String prefix, int shards) {
    int slotsPerShard = 16384 / shards;
    Map<Integer, String> byShard = new LinkedHashMap<>();
    for (int i = 0; byShard.size() < shards; i++) {
      String key = prefix + i;
      int slot = Slots.of(key);
      if (slot % slotsPerShard > 2 && slot % slotsPerShard < slotsPerShard - 2) {
        byShard.putIfAbsent(slot / slotsPerShard, key);
      }
    }
    return List.copyOf(byShard.values());
  }

  /**
   * Writes "after-kill" to each key through a live node other than {@code dead}, following one
   * MOVED; true when every write succeeded. {@code written} hears of each key written.
   */
  public static boolean everyShardWrites(ProcessCluster cluster, List<String> keys, NodeProcess dead,
      Consumer<String> written) {
    NodeProcess entry = cluster.nodes().stream().filter(n -> n != dead).findFirst().orElseThrow();
    for (String key : keys) {
      if (!writeFollowingMoved(entry.respPort(), key)) {
        return false;
      }
      written.accept(key);
    }
    return true;
  }

  private static boolean writeFollowingMoved(int port, String key) {
    try (Jedis jedis = new Jedis("127.0.0.1", port, 2000)) {
      return "OK".equals(jedis.set(key, "after-kill"));
    } catch (JedisMovedDataException moved) {
      try (Jedis leader = new Jedis(moved.getTargetNode().getHost(), moved.getTargetNode().getPort(), 2000)) {
        return "OK".equals(leader.set(key, "after-kill"));
      } catch (RuntimeException e) {
        return false; // moved to the dead node, or TRYAGAIN there
      }
    } catch (JedisDataException | JedisConnectionException e) {
      return false; // TRYAGAIN while electing
    }
  }
}
