package io.slotraft.tests.workload;

import java.time.Duration;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * JedisCluster: each round SETs a new key (a unique key, so a resend after a broken connection
 * writes the same value again) and GETs one written earlier. JedisCluster retries a command after
 * MOVED, ASK and broken connections (reloading its slot map on the way) up to {@code maxAttempts}
 * within {@code maxTotalRetriesDuration}; both are set generously, well beyond an election.
 */
public final class JedisClusterLoad extends ClientLoad {
  private final JedisCluster jedis;

  public JedisClusterLoad(Set<HostAndPort> seeds, int threads) {
    super("jedis-cluster", threads);
    this.jedis = new JedisCluster(seeds, DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build(), 100, Duration.ofSeconds(60));
  }

  @Override
  protected void step(int thread, long round) {
    setThenReadEarlier("jedis", "j", thread, round, jedis::set, jedis::get);
  }

  @Override
  protected void closeClient() {
    jedis.close();
  }
}
