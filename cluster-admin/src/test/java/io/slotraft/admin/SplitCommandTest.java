package io.slotraft.admin;

import static io.slotraft.admin.Clusters.ended;
import static io.slotraft.admin.Clusters.fourNodes;
import static io.slotraft.admin.Clusters.running;
import static io.slotraft.admin.Clusters.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code split} against a scripted meta: the proposed start names the shard and the slot (or the
 * halving slot), the CLI follows the split to its end, and a slot outside the shard is refused
 * before anything is proposed.
 */
class SplitCommandTest {
  private static final long T0 = 1_000_000;

  private static OperationSpec split(String shard, int slot, String newShard) {
    return OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder().setShardId(shard)
        .setSplitSlot(slot).setNewShardId(newShard)).build();
  }

  @Test
  void aSplitAtASlotIsProposedAndFollowedUntilItSucceeds() throws Exception {
    Operation.Builder splitting = running(52, split("s2", 8000, "s4"), "SPLIT", T0);
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> ProposeReply.newBuilder().setChanged(true).setOperationId(52).setEpoch(8)
          .setDescription("split s2 at slot 8000 -> s4 started").build())
          .states(fourNodes(), with(fourNodes(), splitting),
              with(fourNodes(), ended(splitting, OperationStatus.OPERATION_SUCCEEDED, T0 + 800, "s2 split")));
      FakeMeta.Run run = meta.run("split", "s2", "--at", "8000");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(List.of(
          "operation 52 started: split s2 at slot 8000 (epoch 8)",
          "#52 split s2 at slot 8000 -> s4: SPLIT",
          "#52 split s2 at slot 8000 -> s4: SPLIT succeeded",
          "operation 52 (split s2 at slot 8000 -> s4) succeeded in 0 s"), run.out().lines().toList());
      assertEquals(split("s2", 8000, ""), meta.proposals().get(0).getStartOperation().getSpec());
    }
  }

  @Test
  void withoutASlotMetaIsAskedForTheOneThatHalvesTheKeys() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> ProposeReply.newBuilder().setChanged(true).setOperationId(53).setEpoch(8).build())
          .states(fourNodes());
      meta.run("split", "s1", "--wait-secs", "0");
      assertEquals(split("s1", -1, ""), meta.proposals().get(0).getStartOperation().getSpec());
    }
  }

  @Test
  void aSlotOutsideTheShardIsRefusedAndNothingIsProposed() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes());
      for (String slot : new String[] {"5461", "0", "16384"}) {
        FakeMeta.Run run = meta.run("split", "s2", "--at", slot);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("is not inside s2 (slots 5461-10922)"), run.err());
      }
      FakeMeta.Run unknown = meta.run("split", "s9");
      assertEquals(1, unknown.exitCode());
      assertTrue(unknown.err().contains("no shard 's9'"), unknown.err());
      FakeMeta.Run notANumber = meta.run("split", "s2", "--at", "x");
      assertEquals(2, notANumber.exitCode(), notANumber.err());
      assertEquals(List.of(), meta.proposals());
    }
  }
}
