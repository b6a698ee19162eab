package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** A replica whose data directory is wiped rejoins and catches up from its peers (snapshot install + log). */
class ReplicaRebuildIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;

  @Test
  void aWipedReplicaCatchesUp() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.startThree(root, 20500)) {
      NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
      NodeProcess victim = cluster.followers().get(0);
      DurabilityIT.writeAndAcknowledge(cluster, "early", 0, 5000);
      victim.stop();
      cluster.wipe(victim);
      DurabilityIT.writeAndAcknowledge(cluster, "late", 0, 5000);
      // Two snapshots, so the leader's log no longer starts at 1 and the new replica needs a snapshot.
      for (int i = 0; i < 2; i++) {
        try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
          assertEquals("OK", jedis.save());
        }
        DurabilityIT.writeAndAcknowledge(cluster, "after-save-" + i, 0, 100);
      }
      cluster.start(victim);
      cluster.awaitTrue(() -> cluster.appliedIndex(victim) >= cluster.appliedIndex(leader) && cluster.appliedIndex(victim) > 0,
          Duration.ofSeconds(60), victim.name() + " to catch up with the leader");
      try (Jedis jedis = new Jedis("127.0.0.1", victim.respPort())) {
        assertEquals("OK", jedis.readonly());
        Pipeline pipeline = jedis.pipelined();
        List<Response<String>> early = new ArrayList<>();
        List<Response<String>> late = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
          early.add(pipeline.get("early:" + i));
          late.add(pipeline.get("late:" + i));
        }
        pipeline.sync();
        for (int i = 0; i < 5000; i++) {
          assertEquals("value-" + i, early.get(i).get(), "early:" + i + " on the rebuilt replica");
          assertEquals("value-" + i, late.get(i).get(), "late:" + i + " on the rebuilt replica");
        }
      }
    }
  }
}
