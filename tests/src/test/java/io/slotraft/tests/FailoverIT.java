package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** SIGKILL of the leader under a write load: how long until writes succeed again, and nothing lost. */
class FailoverIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;

  @Test
  void killingTheLeaderUnderLoadLosesNoAcknowledgedWrite() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.startThree(root, 20200)) {
      NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
      List<Integer> ports = cluster.nodes().stream().map(NodeProcess::respPort).toList();
      List<Writer> writers = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Writer writer = new Writer("w" + i, ports);
        writers.add(writer);
        Thread thread = new Thread(writer, "writer-" + i);
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(2000);
      long killedAt = System.nanoTime();
      writers.forEach(w -> w.watchForFirstAckAfter(killedAt));
      leader.kill();
      cluster.awaitTrue(() -> writers.stream().allMatch(w -> w.firstAckAfterNanos() > 0), Duration.ofSeconds(30),
          "writes to succeed again after the leader was killed");
      long resumedMs = (writers.stream().mapToLong(Writer::firstAckAfterNanos).max().orElseThrow() - killedAt) / 1_000_000;
      Thread.sleep(1000);
      writers.forEach(Writer::stop);
      for (Thread thread : threads) {
        thread.join(10_000);
      }
      System.out.printf("FIGURE failover: writes from every client succeeded again %d ms after SIGKILL of the leader%n",
          resumedMs);

      cluster.start(leader);
      cluster.awaitHealthy(Duration.ofSeconds(60));
      NodeProcess newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
      int total = 0;
      try (Jedis jedis = new Jedis("127.0.0.1", newLeader.respPort())) {
        for (Writer writer : writers) {
          for (String key : writer.acknowledged()) {
            assertEquals(key.substring(key.indexOf(':') + 1), jedis.get(key), "acknowledged write lost: " + key);
            total++;
          }
        }
      }
      assertTrue(total > 100, "too few writes to mean anything: " + total);
      System.out.printf("FIGURE failover: %d acknowledged writes all present after the old leader rejoined%n", total);
    }
  }
}
