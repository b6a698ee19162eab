package io.slotraft.node.injvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.SlotraftClient;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.SplitShardSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split on real nodes in this JVM, then the whole cluster restarted at once, as after a power cut
 * moments after the split: every node's old-shard replica replays the split (or starts from a
 * snapshot past it) and its new-shard replica starts from its seed, never empty; every key, on both
 * sides of the split slot, reads back, and both shards take writes.
 */
class SplitInOneJvmTest {
  private static final int KEYS = 400;

  @TempDir
  Path root;
  private InJvmCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void deleteTree(Path directory) {
    try (var files = java.nio.file.Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(file);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSplitShardSurvivesARestartOfEveryNodeWithEveryKey() throws Exception {
    splitThenRestart(false);
  }

  /**
   * Every node crashed before its seed was on disk (its old shard had no snapshot past the split:
   * they come an hour or 500,000 entries apart here): the restart replays the split entry and writes
   * the seeds again, and the new shard's replicas wait for that rather than start empty.
   */
  @Test
  void seedsLostInACrashOfEveryNodeAreWrittenAgainByTheSplitsReplay() throws Exception {
    splitThenRestart(true);
  }

  private void splitThenRestart(boolean seedsLost) throws Exception {
    cluster = InJvmCluster.start(root, 3, 1);
    String[] seeds = cluster.grpcPorts().stream().map(port -> "127.0.0.1:" + port).toArray(String[]::new);
    try (SlotraftClient client = SlotraftClient.builder().seeds(seeds).build()) {
      for (int i = 0; i < KEYS; i++) {
        client.sync().set(bytes("key:" + i), bytes("value-" + i));
      }
    }
    try (MetaCalls meta = new MetaCalls(cluster)) {
      ProposeReply split = meta.propose(2, MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(
          SplitShardSpec.newBuilder().setShardId("s1").setSplitSlot(8192)).build(), 0, System.currentTimeMillis()));
      assertTrue(split.getChanged(), split.getDescription());
      Operation done = meta.awaitEnd(1, split.getOperationId());
      assertEquals(OperationStatus.OPERATION_SUCCEEDED, done.getStatus(), done.getDetail());
      MetaState after = meta.state(1);
      assertEquals(List.of("s1", "s2"), after.getPlan().getShardsList().stream().map(s -> s.getShardId()).toList());
      assertEquals(8192, after.getPlan().getShards(1).getSlotStart());
    }

    cluster.restartAll(() -> {
      if (seedsLost) {
        // As if no seed had reached the disk: the new group never started, so it has neither a
        // directory nor a log on any node.
        for (int node = 1; node <= 3; node++) {
          Path data = root.resolve("n" + node);
          deleteTree(data.resolve("shards").resolve("s2"));
          try (NodeLogStore logs = NodeLogStore.open(data.resolve("raft-log"), damage -> {}, System::currentTimeMillis)) {
            logs.dropGroup("shard-s2");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    });
    try (SlotraftClient client = SlotraftClient.builder().seeds(seeds).build()) {
      int moved = 0;
      for (int i = 0; i < KEYS; i++) {
        String key = "key:" + i;
        assertArrayEquals(bytes("value-" + i), client.sync().get(bytes(key)), key + " after the restart");
        moved += SlotHash.slot(bytes(key)) >= 8192 ? 1 : 0;
      }
      assertTrue(moved > KEYS / 4, moved + " keys on the new shard");
      client.sync().set(bytes("key:0"), bytes("again"));
      client.sync().set(bytes("key:1"), bytes("again"));
      assertArrayEquals(bytes("again"), client.sync().get(bytes("key:0")));
      assertArrayEquals(bytes("again"), client.sync().get(bytes("key:1")));
    }
  }
}
