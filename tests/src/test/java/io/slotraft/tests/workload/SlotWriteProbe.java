package io.slotraft.tests.workload;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * One JedisCluster thread writing keys of one slot back to back: the longest any single write took
 * (through the library's redirects and retries) is how long that slot could not be written, the
 * figure a split or merge of its shard is judged by.
 */
public final class SlotWriteProbe implements AutoCloseable {
  private final JedisCluster jedis;
  private final String tag;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong longestNanos = new AtomicLong();
  private volatile String firstFailure = "none";

  /** @param tag a hash tag whose slot is probed, e.g. "{t42}" */
  public SlotWriteProbe(Set<HostAndPort> seeds, String tag) {
    this.tag = tag;
    this.jedis = new JedisCluster(seeds, DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build(), 100, Duration.ofSeconds(60));
    this.thread = new Thread(this::loop, "slot-write-probe");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void loop() {
    for (long n = 0; running.get(); n++) {
      long started = System.nanoTime();
      try {
        jedis.set(tag + "probe:" + (n % 100), Long.toString(n));
        writes.incrementAndGet();
        longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
      } catch (RuntimeException e) {
        if (failures.getAndIncrement() == 0) {
          firstFailure = e.toString();
        }
      }
    }
  }

  /** Forgets the longest write so far, to measure from now on. */
  public void resetLongest() {
    longestNanos.set(0);
  }

  public long longestWriteMillis() {
    return longestNanos.get() / 1_000_000;
  }

  public long writes() {
    return writes.get();
  }

  public long failures() {
    return failures.get();
  }

  public String firstFailure() {
    return firstFailure;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(120_000);
    jedis.close();
  }
}
