package io.slotraft.admin;

import static io.slotraft.admin.Clusters.MIB;
import static io.slotraft.admin.Clusters.advanced;
import static io.slotraft.admin.Clusters.ended;
import static io.slotraft.admin.Clusters.fourNodes;
import static io.slotraft.admin.Clusters.id;
import static io.slotraft.admin.Clusters.move;
import static io.slotraft.admin.Clusters.running;
import static io.slotraft.admin.Clusters.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code move-replica} against a scripted meta: names become ids in the proposed start, the CLI
 * follows the move step by step to its end, and every way it can end has its exit code and line.
 */
class MoveReplicaCommandTest {
  private static final long T0 = 1_000_000;

  private static ProposeReply started(long id) {
    return ProposeReply.newBuilder().setChanged(true).setOperationId(id).setEpoch(8)
        .setDescription("move s3 from n1 to n4 started").build();
  }

  private static Operation.Builder atAddLearner() {
    return running(41, move("s3", 1, 4), "ADD_LEARNER", T0);
  }

  private static Operation.Builder atCatchUp(long doneMib) {
    return advanced(atAddLearner(), "CATCH_UP", T0 + 500, "learner on n4")
        .setBytesDone(doneMib * MIB).setBytesTotal(100 * MIB);
  }

  @Test
  void aMoveIsProposedByIdsThenFollowedStepByStepUntilItSucceeds() throws Exception {
    Operation.Builder promote = advanced(atCatchUp(100), "PROMOTE", T0 + 1500, "caught up");
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(41)).states(fourNodes(),
          with(fourNodes(), atAddLearner()), with(fourNodes(), atCatchUp(40)), with(fourNodes(), atCatchUp(45)),
          with(fourNodes(), promote),
          with(fourNodes(), ended(promote, OperationStatus.OPERATION_SUCCEEDED, T0 + 2000, "n4 votes in s3")));
      FakeMeta.Run run = meta.run("move-replica", "s3", "n1", "n4");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(List.of(
          "operation 41 started: move s3 n1 -> n4 (epoch 8)",
          "#41 move s3 n1 -> n4: ADD_LEARNER",
          "#41 move s3 n1 -> n4: CATCH_UP 40.0/100.0 MiB 40%",
          // 45% is still the same tenth: no line for it.
          "#41 move s3 n1 -> n4: PROMOTE 100.0/100.0 MiB 100%",
          "#41 move s3 n1 -> n4: PROMOTE succeeded 100.0/100.0 MiB 100%",
          "operation 41 (move s3 n1 -> n4) succeeded in 2 s"), run.out().lines().toList());

      MetaCommand proposed = meta.proposals().get(0);
      assertEquals(3, proposed.getFormatVersion());
      assertEquals(move("s3", 1, 4), proposed.getStartOperation().getSpec());
      assertEquals(T0, proposed.getStartOperation().getAtMs(), "the proposer's clock, fixed before proposing");
      assertEquals(1, meta.proposals().size());
      assertFalse(meta.ctrlC.registered(), "a finished watch leaves no Ctrl-C hook behind");
    }
  }

  @Test
  void nodesMayBeGivenByIdAndJsonPrintsTheEndedOperationOnly() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(41)).states(fourNodes(),
          with(fourNodes(), ended(atCatchUp(100), OperationStatus.OPERATION_SUCCEEDED, T0 + 900, "done")));
      FakeMeta.Run run = meta.run("move-replica", "--json", "s3", id(1), "n4");
      assertEquals(0, run.exitCode(), run.err());
      JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
      assertEquals("succeeded", json.getAsJsonObject("operation").get("status").getAsString());
      assertEquals(0, json.getAsJsonArray("children").size());
    }
  }

  @Test
  void whenMetaRefusesItsReasonIsTheOneLineAndExitIsOne() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes()).answers(command -> ProposeReply.newBuilder().setChanged(false).setEpoch(7)
          .setDescription("n4 already holds a replica of s3").build());
      FakeMeta.Run run = meta.run("move-replica", "s3", "n1", "n4");
      assertEquals(1, run.exitCode());
      assertEquals("slotraft-admin: meta refused to start move s3 n1 -> n4: n4 already holds a replica of s3\n",
          run.err());
      assertEquals("", run.out());
    }
  }

  @Test
  void anUnknownNodeOrShardIsRefusedBeforeAnythingIsProposed() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes());
      FakeMeta.Run node = meta.run("move-replica", "s3", "n1", "n9");
      assertEquals(1, node.exitCode());
      assertEquals("slotraft-admin: no node 'n9' in the cluster; its nodes are [n1, n2, n3, n4]\n", node.err());
      FakeMeta.Run shard = meta.run("move-replica", "s7", "n1", "n4");
      assertEquals(1, shard.exitCode());
      assertEquals("slotraft-admin: no shard 's7'; its shards are [s1, s2, s3]\n", shard.err());
      assertTrue(meta.proposals().isEmpty());
    }
  }

  @Test
  void aFailedMoveExitsOneWithItsStepAndDetail() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(41)).states(fourNodes(), with(fourNodes(), atCatchUp(10)),
          with(fourNodes(), ended(atCatchUp(10), OperationStatus.OPERATION_FAILED, T0 + 9000,
              "n4 unreachable for 60 s; learner removed")));
      FakeMeta.Run run = meta.run("move-replica", "s3", "n1", "n4");
      assertEquals(1, run.exitCode());
      assertEquals("slotraft-admin: operation 41 (move s3 n1 -> n4) failed at step CATCH_UP: n4 unreachable for "
          + "60 s; learner removed\n", run.err());
    }
  }

  @Test
  void whenTheWaitRunsOutTheMoveGoesOnAndTheLineSaysHowToFollowOrStopIt() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(41)).states(fourNodes(), with(fourNodes(), atCatchUp(10)));
      FakeMeta.Run run = meta.run("move-replica", "--wait-secs", "3", "s3", "n1", "n4");
      assertEquals(1, run.exitCode());
      assertEquals("slotraft-admin: operation 41 (move s3 n1 -> n4) is still running after 3 s, at step CATCH_UP; "
          + "it goes on: `slotraft-admin operations --watch` follows it, `slotraft-admin cancel 41` stops it\n",
          run.err());
      // A read at 0, 0.5, ... 3 s: the wait is measured on the (fake) clock, not counted in polls.
      assertEquals(1 + 7, meta.reads());
    }
  }

  @Test
  void waitSecsZeroReturnsOnceMetaHasStartedIt() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(41)).states(fourNodes());
      FakeMeta.Run run = meta.run("move-replica", "--wait-secs", "0", "s3", "n1", "n4");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("operation 41 started: move s3 n1 -> n4 (epoch 8)\nnot waiting: `slotraft-admin operations "
          + "--watch` follows it, `slotraft-admin cancel 41` stops it\n", run.out());
      assertEquals(1, meta.reads());
    }
  }

  @Test
  void ctrlCStopsWatchingAndSaysTheMoveKeepsRunningWithoutCancellingIt() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(41)).states(fourNodes(), with(fourNodes(), atCatchUp(10))).ctrlCAtRead(3);
      FakeMeta.Run run = meta.run("move-replica", "s3", "n1", "n4");
      assertEquals(OperationRun.STOPPED_WATCHING, run.exitCode());
      assertEquals("operation 41 keeps running; `slotraft-admin cancel 41` stops it\n", run.err());
      assertEquals(1, meta.proposals().size(), "only the start: Ctrl-C cancels nothing");
      assertEquals(3, meta.reads());
    }
  }
}
