package io.slotraft.tests.harness;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * A client thread that writes unique keys as fast as it can, the way a careful application would:
 * follows MOVED, and on a broken connection or TRYAGAIN tries the next node after a short pause. It
 * records which writes were acknowledged and when the last one was, so tests can check none is lost
 * and measure how long writes stopped during a fault.
 */
public final class Writer implements Runnable {
  private final String prefix;
  private final List<Integer> ports;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong lastAckNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong failures = new AtomicLong();
  private volatile long firstAckAfterNanos;
  private volatile long watchFromNanos = Long.MAX_VALUE;

  public Writer(String prefix, List<Integer> ports) {
    this.prefix = prefix;
    this.ports = ports;
  }

  @Override
  public void run() {
    int target = 0;
    long sequence = 0;
    Jedis jedis = null;
    while (running.get()) {
      String key = prefix + ":" + sequence;
      try {
        if (jedis == null) {
          jedis = new Jedis("127.0.0.1", ports.get(target), 2000);
        }
        jedis.set(key, Long.toString(sequence));
        acknowledged.add(key);
        long now = System.nanoTime();
        lastAckNanos.set(now);
        if (now > watchFromNanos && firstAckAfterNanos == 0) {
          firstAckAfterNanos = now;
        }
        sequence++;
      } catch (JedisMovedDataException moved) {
        target = ports.indexOf(moved.getTargetNode().getPort());
        jedis = close(jedis);
      } catch (JedisDataException error) {
        // TRYAGAIN while a leader is elected, or an uncertain write: use a fresh key to stay unique.
        failures.incrementAndGet();
        sequence++;
        pause();
      } catch (RuntimeException broken) {
        failures.incrementAndGet();
        sequence++;
        target = (target + 1) % ports.size();
        jedis = close(jedis);
        pause();
      }
    }
    close(jedis);
  }

  /** From now on, remember when the first acknowledged write happens. */
  public void watchForFirstAckAfter(long nanos) {
    firstAckAfterNanos = 0;
    watchFromNanos = nanos;
  }

  public long firstAckAfterNanos() {
    return firstAckAfterNanos;
  }

  public Set<String> acknowledged() {
    return acknowledged;
  }

  public long failures() {
    return failures.get();
  }

  public void stop() {
    running.set(false);
  }

  private static Jedis close(Jedis jedis) {
    if (jedis != null) {
      try {
        jedis.close();
      } catch (RuntimeException ignored) {
        // already broken
      }
    }
    return null;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
