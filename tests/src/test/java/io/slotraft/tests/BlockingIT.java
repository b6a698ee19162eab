package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Blocking pops against real nodes: woken by another client's push, timing out, and across a leader change. */
class BlockingIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = ProcessCluster.startThree(root, 21800);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aPushFromAnotherClientWakesABlockedPop() throws Exception {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    CompletableFuture<List<String>> popped = CompletableFuture.supplyAsync(() -> {
      try (Jedis blocked = new Jedis("127.0.0.1", leader.respPort(), 30_000)) {
        return blocked.blpop(20, "queue");
      }
    });
    Thread.sleep(500);
    assertTrue(!popped.isDone(), "BLPOP returned before anything was pushed: " + popped.getNow(null));
    long pushedAt = System.nanoTime();
    try (Jedis pusher = new Jedis("127.0.0.1", leader.respPort())) {
      pusher.rpush("queue", "hello");
    }
    assertEquals(List.of("queue", "hello"), popped.get(10, TimeUnit.SECONDS));
    System.out.printf("FIGURE blocking: BLPOP woken %d ms after the push%n", (System.nanoTime() - pushedAt) / 1_000_000);
    try (Jedis check = new Jedis("127.0.0.1", leader.respPort())) {
      assertEquals(0, check.llen("queue"), "the element was popped exactly once");
    }
  }

  @Test
  void aBlockedPopTimesOutWithNil() {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort(), 10_000)) {
      long started = System.nanoTime();
      assertNull(jedis.brpop(0.5, "nothing-here"));
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(tookMs >= 450 && tookMs < 5000, "took " + tookMs + " ms");
    }
  }

  @Test
  void aLeaderChangeReleasesBlockedClientsWithARetryableErrorAndLosesNothing() throws Exception {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
      try (Jedis blocked = new Jedis("127.0.0.1", leader.respPort(), 60_000)) {
        return "popped " + blocked.blpop(0, "failover-queue");
      } catch (JedisDataException error) {
        return "error " + error.getMessage();
      }
    });
    Thread.sleep(500);
    // Pause the leader long enough for the others to elect a new one; when it resumes it steps down.
    leader.signal("STOP");
    try {
      cluster.awaitTrue(() -> cluster.leader().filter(l -> l != leader).isPresent(), Duration.ofSeconds(30),
          "a new leader while the old one is paused");
    } finally {
      leader.signal("CONT");
    }
    String result = outcome.get(30, TimeUnit.SECONDS);
    assertTrue(result.startsWith("error MOVED") || result.startsWith("error TRYAGAIN"), result);
    NodeProcess newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
    try (Jedis jedis = new Jedis("127.0.0.1", newLeader.respPort(), 30_000)) {
      jedis.rpush("failover-queue", "kept");
      assertEquals(List.of("failover-queue", "kept"), jedis.blpop(5, "failover-queue"),
          "the element pushed after the change is there for the client's retry");
    }
  }
}
