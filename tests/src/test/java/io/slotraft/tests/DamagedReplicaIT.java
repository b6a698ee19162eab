package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.raft.LocalReplicaFiles;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * A replica whose files on disk are damaged (a flipped byte in its snapshot, the node's garbled Raft log store)
 * never serves from them: at restart it says what is damaged, leaves its group, sets the damaged
 * copy aside, and is rebuilt from its peers; afterwards it holds every acknowledged write and is a
 * voter again (the group still elects a leader and takes writes when the other surviving replica
 * is the old leader's only peer).
 */
class DamagedReplicaIT {
  private static final String DAMAGED = "is damaged and will not be served";
  private static final String REBUILT = "rebuilt from its peers and a voter again";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;

  @Test
  void aFlippedByteInTheNewestSnapshotIsCaughtAndTheReplicaIsRebuilt() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.startThree(root, 23500, "--snapshot-log-entries", "20")) {
      NodeProcess victim = prepareVictim(cluster);
      Path snapshot = newestSnapshot(victim);
      Path data = snapshot.resolve("keyspace.sst");
      byte[] bytes = Files.readAllBytes(data);
      bytes[bytes.length / 2] ^= 0x40;
      Files.write(data, bytes);
      assertRebuiltWithEveryWrite(cluster, victim, "CRC32C");
    }
  }

  /**
   * The node's one log store holds every group's log: when it does not open, every replica on the
   * node (the shard's and meta's) lost its log, and each is rebuilt from its peers.
   */
  @Test
  void aGarbledLogStoreIsCaughtAndEveryReplicaOfTheNodeIsRebuilt() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.startThree(root, 23600, "--snapshot-log-entries", "20")) {
      NodeProcess victim = prepareVictim(cluster);
      Path store = victim.dataDir().resolve("raft-log");
      Path manifest;
      try (Stream<Path> files = Files.list(store)) {
        manifest = files.filter(p -> p.getFileName().toString().startsWith("MANIFEST-")).findFirst().orElseThrow();
      }
      byte[] garbage = new byte[(int) Files.size(manifest)];
      java.util.Arrays.fill(garbage, (byte) 0x5a);
      Files.write(manifest, garbage);
      assertRebuiltWithEveryWrite(cluster, victim, "Raft log store");
      String log = logOf(victim);
      assertTrue(log.contains("[meta] " + REBUILT), "meta's replica is rebuilt too:\n" + log);
      try (Stream<Path> entries = Files.list(victim.dataDir())) {
        assertTrue(entries.anyMatch(p -> p.getFileName().toString().startsWith("raft-log.damaged-")),
            "the damaged store is kept aside for the operator");
      }
    }
  }

  /** Writes, waits for the follower to take a snapshot of its own, and stops it: the node whose files get damaged. */
  private static NodeProcess prepareVictim(ProcessCluster cluster) throws Exception {
    cluster.awaitLeader(Duration.ofSeconds(30));
    NodeProcess victim = cluster.followers().get(0);
    // In chunks, each a few log entries, until the follower has snapshotted (every 20 applied entries).
    for (int from = 0; from < 3000; from += 100) {
      DurabilityIT.writeAndAcknowledge(cluster, "early", from, from + 100);
    }
    cluster.awaitTrue(() -> newestSnapshotOrNull(victim) != null, Duration.ofSeconds(60),
        victim.name() + " to take a snapshot");
    victim.stop();
    return victim;
  }

  private static void assertRebuiltWithEveryWrite(ProcessCluster cluster, NodeProcess victim, String damageWords)
      throws Exception {
    DurabilityIT.writeAndAcknowledge(cluster, "late", 0, 1000);
    cluster.start(victim);
    cluster.awaitTrue(() -> logOf(victim).contains("[shard-s1] " + REBUILT), Duration.ofSeconds(120),
        victim.name() + " rebuilt and a voter again\n" + cluster.logTails());
    String log = logOf(victim);
    assertTrue(log.contains(DAMAGED) && log.contains(damageWords), "the log says what is damaged:\n" + log);
    try (Stream<Path> shards = Files.list(victim.dataDir().resolve("shards"))) {
      assertTrue(shards.anyMatch(p -> p.getFileName().toString().startsWith("s1.damaged-")),
          "the damaged copy is kept aside for the operator");
    }
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    cluster.awaitTrue(() -> cluster.appliedIndex(victim) >= cluster.appliedIndex(leader), Duration.ofSeconds(60),
        victim.name() + " caught up");
    assertEveryValue(victim, "early", 3000);
    assertEveryValue(victim, "late", 1000);

    // A voter again: with the old leader gone, the group's majority needs the rebuilt replica.
    leader.kill();
    DurabilityIT.writeAndAcknowledge(cluster, "after", 0, 200);
    NodeProcess newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
    assertEveryValue(newLeader, "early", 3000);
    assertEveryValue(newLeader, "after", 200);
  }

  private static void assertEveryValue(NodeProcess node, String prefix, int count) {
    try (Jedis jedis = new Jedis(node.host(), node.respPort())) {
      jedis.readonly();
      Pipeline pipeline = jedis.pipelined();
      List<Response<String>> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        values.add(pipeline.get(prefix + ":" + i));
      }
      pipeline.sync();
      for (int i = 0; i < count; i++) {
        assertEquals("value-" + i, values.get(i).get(), prefix + ":" + i + " on " + node.name());
      }
    }
  }

  private static Path newestSnapshot(NodeProcess node) throws IOException {
    Path snapshot = newestSnapshotOrNull(node);
    if (snapshot == null) {
      throw new AssertionError(node.name() + " has no snapshot");
    }
    return snapshot;
  }

  private static Path newestSnapshotOrNull(NodeProcess node) {
    try {
      return LocalReplicaFiles.newestSnapshot(node.dataDir().resolve("shards/s1")).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static String logOf(NodeProcess node) {
    try {
      return node.log();
    } catch (IOException e) {
      return "";
    }
  }
}
