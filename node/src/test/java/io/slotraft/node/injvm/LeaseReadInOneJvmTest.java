package io.slotraft.node.injvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.Await;
import io.slotraft.node.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads under the leader's lease ({@code --read-mode lease}) on three real nodes: every read sees the
 * write acknowledged just before it, and after the leader stops, the next leader's reads see every
 * write, its own included. (A leader paused past its lease is the nemesis suite's to show: run it
 * with {@code -Dslotraft.nemesis.readMode=lease}.)
 */
class LeaseReadInOneJvmTest {
  @TempDir
  Path root;

  @Test
  void leaseReadsSeeEveryAcknowledgedWriteAcrossALeaderChange() throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(root, 3, 1, Map.of(ConfigKey.READ_MODE, "lease"))) {
      int leader = awaitLeader(cluster, -1);
      try (Resp resp = new Resp(cluster.respPorts().get(leader))) {
        for (int i = 0; i < 200; i++) {
          assertEquals("OK", resp.call("SET", "k", "v" + i));
          assertEquals("v" + i, resp.call("GET", "k"), "a lease read right after its write");
        }
        assertEquals("lease", ((List<?>) resp.call("CONFIG", "GET", "slotraft-read-mode")).get(1));
      }
      cluster.stop(leader);
      int next = awaitLeader(cluster, leader);
      try (Resp resp = new Resp(cluster.respPorts().get(next))) {
        assertEquals("v199", resp.call("GET", "k"), "the new leader's lease read sees the old leader's last write");
        assertEquals("OK", resp.call("SET", "k", "after"));
        assertEquals("after", resp.call("GET", "k"));
      }
    }
  }

  /** The index of the node whose RESP port says it is master, other than {@code except}. */
  private static int awaitLeader(InJvmCluster cluster, int except) throws InterruptedException {
    int[] found = {-1};
    Await.until("a leader other than node " + except, Duration.ofSeconds(30), () -> {
      for (int i = 0; i < cluster.respPorts().size(); i++) {
        if (i == except) {
          continue;
        }
        try (Resp resp = new Resp(cluster.respPorts().get(i))) {
          if (String.valueOf(resp.call("INFO", "replication")).contains("role:master")) {
            found[0] = i;
            return true;
          }
        } catch (IOException e) {
          // not serving yet
        }
      }
      return false;
    });
    return found[0];
  }
}
