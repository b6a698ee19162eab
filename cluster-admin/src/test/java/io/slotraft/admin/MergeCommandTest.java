package io.slotraft.admin;

import static io.slotraft.admin.Clusters.ended;
import static io.slotraft.admin.Clusters.fourNodes;
import static io.slotraft.admin.Clusters.running;
import static io.slotraft.admin.Clusters.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.proto.v1.MergeShardsSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code merge} against a scripted meta: the proposed start names both shards, the CLI follows the
 * merge through its steps, and a merge without --yes, of a shard with itself, of shards that are not
 * neighbours or of an unknown shard is refused before anything is proposed.
 */
class MergeCommandTest {
  private static final long T0 = 1_000_000;

  private static OperationSpec merge(String target, String source) {
    return OperationSpec.newBuilder().setMergeShards(MergeShardsSpec.newBuilder().setTargetShardId(target)
        .setSourceShardId(source)).build();
  }

  @Test
  void aMergeIsProposedAndFollowedThroughItsStepsUntilItSucceeds() throws Exception {
    Operation.Builder merging = running(61, merge("s2", "s3"), "CO_LOCATE", T0);
    Operation.Builder frozen = running(61, merge("s2", "s3"), "AWAIT_FROZEN", T0);
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> ProposeReply.newBuilder().setChanged(true).setOperationId(61).setEpoch(8)
          .setDescription("merge s3 into s2 started").build())
          .states(fourNodes(), with(fourNodes(), merging), with(fourNodes(), frozen),
              with(fourNodes(), ended(frozen, OperationStatus.OPERATION_SUCCEEDED, T0 + 1500, "s2 took in s3")));
      FakeMeta.Run run = meta.run("merge", "s2", "s3", "--yes");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(List.of(
          "operation 61 started: merge s3 into s2 (epoch 8)",
          "#61 merge s3 into s2: CO_LOCATE",
          "#61 merge s3 into s2: AWAIT_FROZEN",
          "#61 merge s3 into s2: AWAIT_FROZEN succeeded",
          "operation 61 (merge s3 into s2) succeeded in 1 s"), run.out().lines().toList());
      assertEquals(merge("s2", "s3"), meta.proposals().get(0).getStartOperation().getSpec());
    }
  }

  @Test
  void refusesWithoutYesItselfNonNeighboursAndUnknownShardsBeforeProposing() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes());
      FakeMeta.Run unconfirmed = meta.run("merge", "s2", "s3");
      assertEquals(2, unconfirmed.exitCode(), unconfirmed.err());
      assertTrue(unconfirmed.err().contains("add --yes to merge"), unconfirmed.err());
      FakeMeta.Run itself = meta.run("merge", "s2", "s2", "--yes");
      assertEquals(1, itself.exitCode());
      assertTrue(itself.err().contains("cannot merge with itself"), itself.err());
      FakeMeta.Run apart = meta.run("merge", "s1", "s3", "--yes");
      assertEquals(1, apart.exitCode());
      assertTrue(apart.err().contains("are not neighbours"), apart.err());
      FakeMeta.Run unknown = meta.run("merge", "s2", "s9", "--yes");
      assertEquals(1, unknown.exitCode());
      assertTrue(unknown.err().contains("no shard 's9'"), unknown.err());
      FakeMeta.Run missing = meta.run("merge", "s2", "--yes");
      assertEquals(2, missing.exitCode(), missing.err());
      assertEquals(List.of(), meta.proposals());
    }
  }
}
