package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.harness.Slots;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * One logical client's RESP connections (Jedis), for one thread: sends an operation to the leader
 * of its key's slot, learning leaders from MOVED as Redis Cluster clients do.
 *
 * <p>Unlike JedisCluster, it sends an operation again only when the previous attempt certainly did
 * not run: the connection could not be opened, or the node answered MOVED, ASK, TRYAGAIN,
 * CLUSTERDOWN or LOADING. JedisCluster also resends after a broken connection, which for a write
 * that did run is a second run the history would not show (and a checker would blame on the
 * server). A broken connection after sending is {@link IndeterminateException}; so is any error
 * reply it does not know to be a refusal (e.g. "may or may not have been applied").
 */
public final class RespClient implements AutoCloseable {
  /** How long an operation keeps looking for its leader before it gives up (never having run). */
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final long PAUSE_MS = 100;
  /**
   * Longer than a node holds a command while its shard has no leader (five election timeouts,
   * 5 s), so that a node waiting out an election is not mistaken for a node that is gone.
   */
  private static final int SOCKET_TIMEOUT_MS = 8_000;

  private final List<HostAndPort> nodes;
  private final Random random;
  private final JedisClientConfig config = DefaultJedisClientConfig.builder()
      .connectionTimeoutMillis(1_000).socketTimeoutMillis(SOCKET_TIMEOUT_MS).build();
  private final Map<HostAndPort, Jedis> connections = new HashMap<>();
  private final Map<Integer, HostAndPort> leaders = new HashMap<>();

  public RespClient(List<HostAndPort> nodes, Random random) {
    this.nodes = List.copyOf(nodes);
    this.random = random;
  }

  /** Runs {@code call} on the leader of {@code key}'s slot; every key the call touches must share that slot. */
  public <T> T call(String key, RespCall<T> call) throws NotAppliedException, IndeterminateException {
    int slot = Slots.of(key);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String obstacle = "no attempt";
    while (true) {
      if (System.nanoTime() - deadline > 0) {
        throw new NotAppliedException("no leader took it within " + PATIENCE.toSeconds() + " s; last: " + obstacle);
      }
      HostAndPort target = leaders.getOrDefault(slot, nodes.get(random.nextInt(nodes.size())));
      Jedis jedis;
      try {
        jedis = connection(target);
      } catch (JedisConnectionException refused) {
        // Nothing was sent: try another node (its MOVED will say where the leader is).
        leaders.remove(slot);
        obstacle = target + " unreachable: " + refused.getMessage();
        pause();
        continue;
      }
      try {
        return call.run(jedis);
      } catch (JedisRedirectionException redirected) {
        disconnect(target);
        leaders.put(slot, redirected.getTargetNode());
        obstacle = redirected.getMessage() + " from " + target;
      } catch (JedisConnectionException broken) {
        disconnect(target);
        leaders.remove(slot);
        throw new IndeterminateException(target + ": " + describe(broken));
      } catch (JedisDataException error) {
        disconnect(target);
        if (!isRefusal(error)) {
          throw new IndeterminateException(target + ": " + error.getMessage());
        }
        if (error.getMessage().startsWith("EXECABORT")) {
          throw new NotAppliedException(target + ": " + error.getMessage());
        }
        leaders.remove(slot);
        obstacle = error.getMessage() + " from " + target;
        pause();
      } catch (NotAppliedException | IndeterminateException | RuntimeException other) {
        disconnect(target);
        throw other;
      }
    }
  }

  /**
   * Error replies that mean the command did not run: the node is not (or no longer) where it can
   * run, or the transaction was refused before it ran.
   */
  private static boolean isRefusal(JedisDataException error) {
    String message = String.valueOf(error.getMessage());
    return message.startsWith("TRYAGAIN") || message.startsWith("CLUSTERDOWN") || message.startsWith("LOADING")
        || message.startsWith("EXECABORT");
  }

  private Jedis connection(HostAndPort target) {
    Jedis jedis = connections.get(target);
    if (jedis == null) {
      jedis = new Jedis(target, config);
      try {
        jedis.connect();
      } catch (RuntimeException e) {
        jedis.close();
        throw e instanceof JedisConnectionException c ? c : new JedisConnectionException(e);
      }
      connections.put(target, jedis);
    }
    return jedis;
  }

  /** A connection whose state is uncertain (broken, or mid-transaction) is never used again. */
  private void disconnect(HostAndPort target) {
    Jedis jedis = connections.remove(target);
    if (jedis != null) {
      try {
        jedis.close();
      } catch (RuntimeException alreadyBroken) {
        // nothing more to release
      }
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure.getCause();
    return failure.getMessage() + (cause == null ? "" : " (" + cause + ")");
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (HostAndPort target : List.copyOf(connections.keySet())) {
      disconnect(target);
    }
  }
}
