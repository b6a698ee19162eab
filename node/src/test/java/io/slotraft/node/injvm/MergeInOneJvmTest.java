package io.slotraft.node.injvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.SlotraftClient;
import io.slotraft.node.Await;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.MergeShardsSpec;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge on real nodes in this JVM: two shards on the same three nodes become one, every key of
 * both reads back from the one left, its writes go on, the source's copies are set aside on every
 * node once the target's snapshot covers the merge, and the merged shard survives a restart of
 * every node at once.
 */
class MergeInOneJvmTest {
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

  /** A key of the source's slots (8192 and above). */
  private static final byte[] COUNTER = java.util.stream.IntStream.range(0, 1000)
      .mapToObj(i -> bytes("counter{" + i + "}")).filter(key -> SlotHash.slot(key) >= 8192).findFirst().orElseThrow();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoShardsBecomeOneWithEveryKeyAndItSurvivesARestartOfEveryNode() throws Exception {
    cluster = InJvmCluster.start(root, 3, 2);
    String[] seeds = cluster.grpcPorts().stream().map(port -> "127.0.0.1:" + port).toArray(String[]::new);
    try (SlotraftClient client = SlotraftClient.builder().seeds(seeds).build()) {
      for (int i = 0; i < KEYS; i++) {
        client.sync().set(bytes("key:" + i), bytes("value-" + i));
      }
      client.sync().set(COUNTER, bytes("10"));
    }
    try (MetaCalls meta = new MetaCalls(cluster)) {
      ProposeReply merge = meta.propose(2, MetaEntries.startOperation(OperationSpec.newBuilder().setMergeShards(
          MergeShardsSpec.newBuilder().setTargetShardId("s1").setSourceShardId("s2")).build(), 0,
          System.currentTimeMillis()));
      assertTrue(merge.getChanged(), merge.getDescription());
      Operation done = meta.awaitEnd(1, merge.getOperationId());
      assertEquals(OperationStatus.OPERATION_SUCCEEDED, done.getStatus(), done.getDetail());
      MetaState after = meta.state(1);
      assertEquals(List.of("s1"), after.getPlan().getShardsList().stream().map(s -> s.getShardId()).toList());
      assertEquals(0, after.getPlan().getShards(0).getSlotStart());
      assertEquals(SlotHash.SLOT_COUNT - 1, after.getPlan().getShards(0).getSlotEnd());
    }
    try (SlotraftClient client = SlotraftClient.builder().seeds(seeds).build()) {
      for (int i = 0; i < KEYS; i++) {
        assertArrayEquals(bytes("value-" + i), client.sync().get(bytes("key:" + i)), "key:" + i + " after the merge");
      }
      assertEquals(11, client.sync().incr(COUNTER), "the source's slots take writes on the target");
    }
    for (int node = 1; node <= 3; node++) {
      Path sourceCopy = root.resolve("n" + node).resolve("shards").resolve("s2");
      int n = node;
      Await.until("n" + n + " sets the source's copy aside", Duration.ofSeconds(60), () -> !Files.exists(sourceCopy));
    }

    cluster.restartAll(() -> {});
    try (SlotraftClient client = SlotraftClient.builder().seeds(seeds).build()) {
      for (int i = 0; i < KEYS; i++) {
        assertArrayEquals(bytes("value-" + i), client.sync().get(bytes("key:" + i)), "key:" + i + " after the restart");
      }
      assertEquals(12, client.sync().incr(COUNTER));
    }
  }
}
