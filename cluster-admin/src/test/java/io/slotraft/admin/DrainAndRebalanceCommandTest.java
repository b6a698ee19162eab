package io.slotraft.admin;

import static io.slotraft.admin.Clusters.MIB;
import static io.slotraft.admin.Clusters.advanced;
import static io.slotraft.admin.Clusters.drain;
import static io.slotraft.admin.Clusters.ended;
import static io.slotraft.admin.Clusters.fourNodes;
import static io.slotraft.admin.Clusters.id;
import static io.slotraft.admin.Clusters.move;
import static io.slotraft.admin.Clusters.rebalance;
import static io.slotraft.admin.Clusters.running;
import static io.slotraft.admin.Clusters.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.PlannedMove;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.RebalanceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code drain} and {@code rebalance} against a scripted meta: what they propose, how they show the
 * moves their operation starts, and what Ctrl-C does to each.
 */
class DrainAndRebalanceCommandTest {
  private static final long T0 = 1_000_000;

  private static ProposeReply started(long id) {
    return ProposeReply.newBuilder().setChanged(true).setOperationId(id).setEpoch(8).build();
  }

  private static Operation.Builder child(long id, String shardId, long parentId) {
    return running(id, move(shardId, 2, 4), "ADD_LEARNER", T0 + 1000).setParentId(parentId);
  }

  @Test
  void aDrainIsFollowedWithEachMoveItStartsUntilItEnds() throws Exception {
    Operation.Builder marking = running(20, drain(2, 3), "MARK_DRAINING", T0);
    Operation.Builder moving = advanced(marking, "MOVE_REPLICAS", T0 + 500, "n2 draining");
    Operation.Builder s1 = child(21, "s1", 20);
    Operation.Builder s2 = child(22, "s2", 20);
    Operation.Builder s2CatchUp = advanced(s2, "CATCH_UP", T0 + 2000, "learner on n4").setBytesDone(50 * MIB)
        .setBytesTotal(100 * MIB);
    Operation.Builder vote = advanced(moving, "MOVE_META_VOTE", T0 + 4000, "no replica left on n2");
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(20)).states(fourNodes(),
          with(fourNodes(), marking),
          with(fourNodes(), moving, s1, s2),
          with(fourNodes(), moving, ended(s1, OperationStatus.OPERATION_SUCCEEDED, T0 + 3000, "done"), s2CatchUp),
          with(fourNodes(), vote, ended(s1, OperationStatus.OPERATION_SUCCEEDED, T0 + 3000, "done"),
              ended(s2CatchUp, OperationStatus.OPERATION_SUCCEEDED, T0 + 3500, "done")),
          with(fourNodes(), ended(vote, OperationStatus.OPERATION_SUCCEEDED, T0 + 6000, "n2 holds nothing"),
              ended(s1, OperationStatus.OPERATION_SUCCEEDED, T0 + 3000, "done"),
              ended(s2CatchUp, OperationStatus.OPERATION_SUCCEEDED, T0 + 3500, "done")));
      FakeMeta.Run run = meta.run("drain", "n2", "--yes", "--max-concurrent-moves", "3");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(List.of(
          "operation 20 started: drain n2 (epoch 8)",
          "#20 drain n2: MARK_DRAINING",
          "#20 drain n2: MOVE_REPLICAS",
          "#21 move s1 n2 -> n4: ADD_LEARNER",
          "#22 move s2 n2 -> n4: ADD_LEARNER",
          "#21 move s1 n2 -> n4: ADD_LEARNER succeeded",
          "#22 move s2 n2 -> n4: CATCH_UP 50.0/100.0 MiB 50%",
          "#20 drain n2: MOVE_META_VOTE",
          "#22 move s2 n2 -> n4: CATCH_UP succeeded 50.0/100.0 MiB 50%",
          "#20 drain n2: MOVE_META_VOTE succeeded",
          "operation 20 (drain n2) succeeded in 6 s; 2 moves: 2 succeeded"), run.out().lines().toList());
      MetaCommand proposed = meta.proposals().get(0);
      assertEquals(3, proposed.getFormatVersion());
      assertEquals(drain(2, 3), proposed.getStartOperation().getSpec());
    }
  }

  @Test
  void ctrlCDuringADrainOnlyStopsWatching() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(20)).states(fourNodes(), with(fourNodes(), running(20, drain(2, 2),
          "MOVE_REPLICAS", T0), child(21, "s1", 20))).ctrlCAtRead(2);
      FakeMeta.Run run = meta.run("drain", "n2", "--yes");
      assertEquals(OperationRun.STOPPED_WATCHING, run.exitCode());
      assertEquals("operation 20 keeps running; `slotraft-admin cancel 20` stops it\n", run.err());
      assertEquals(1, meta.proposals().size());
    }
  }

  @Test
  void dryRunAsksANodeForThePlanAndPrintsIt() throws Exception {
    RebalanceSpec plan = RebalanceSpec.newBuilder()
        .addMoves(PlannedMove.newBuilder().setShardId("s1").setFromNodeId(id(1)).setToNodeId(id(4))
            .setBytes(64 * MIB).setWave(1))
        .build();
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes()).plan(plan);
      FakeMeta.Run run = meta.run("rebalance", "--dry-run", "--max-concurrent-moves", "4");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("rebalance plan: 1 replica moves (4 at a time), 0 leader moves, 64.0 MiB to copy\n\n"
          + "WAVE  SHARD  FROM  TO  BYTES\n1     s1     n1    n4  64.0 MiB\n", run.out());
      assertEquals(List.of(4), meta.plansAsked());
      assertTrue(meta.proposals().isEmpty(), "a dry run proposes nothing");

      FakeMeta.Run json = meta.run("rebalance", "--dry-run", "--json");
      JsonObject document = JsonParser.parseString(json.out()).getAsJsonObject();
      assertEquals(64 * MIB, document.get("total_bytes").getAsLong());
      assertEquals(2, document.get("max_concurrent_moves").getAsInt());
      assertEquals("n4", document.getAsJsonArray("moves").get(0).getAsJsonObject().get("to").getAsString());
    }
  }

  @Test
  void aBalancedClusterSaysSo() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes());
      FakeMeta.Run run = meta.run("rebalance", "--dry-run");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("balanced: nothing to move\n", run.out());
    }
  }

  @Test
  void aRebalanceIsFollowedThroughItsMoves() throws Exception {
    Operation.Builder planning = running(50, rebalance(2), "PLAN", T0);
    Operation.Builder moving = advanced(planning, "MOVE_REPLICAS", T0 + 100, "1 move planned");
    Operation.Builder s1 = child(51, "s1", 50);
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> started(50)).states(fourNodes(), with(fourNodes(), planning),
          with(fourNodes(), moving, s1),
          with(fourNodes(), ended(moving, OperationStatus.OPERATION_SUCCEEDED, T0 + 5000, "balanced"),
              ended(s1, OperationStatus.OPERATION_FAILED, T0 + 4000, "n4 out of disk; rolled back")));
      FakeMeta.Run run = meta.run("rebalance", "--yes");
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("#51 move s1 n2 -> n4: ADD_LEARNER failed\n"), run.out());
      assertTrue(run.out().endsWith("operation 50 (rebalance) succeeded in 5 s; 1 move: 1 failed\n"), run.out());
      assertEquals(rebalance(2), meta.proposals().get(0).getStartOperation().getSpec());
    }
  }

  @Test
  void ctrlCDuringARebalanceCancelsItAndSaysRunningMovesFinishOrRollBack() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> command.hasCancelOperation()
              ? ProposeReply.newBuilder().setChanged(true).setDescription("cancel requested").build()
              : started(50))
          .states(fourNodes(), with(fourNodes(), running(50, rebalance(2), "MOVE_REPLICAS", T0), child(51, "s1", 50)))
          .ctrlCAtRead(3);
      FakeMeta.Run run = meta.run("rebalance", "--yes");
      assertEquals(OperationRun.STOPPED_WATCHING, run.exitCode());
      assertEquals(2, meta.proposals().size());
      MetaCommand cancel = meta.proposals().get(1);
      assertEquals(3, cancel.getFormatVersion());
      assertEquals(50, cancel.getCancelOperation().getId());
      assertEquals("cancelling rebalance 50: it starts no new move; running moves finish or roll back "
          + "(`slotraft-admin operations --watch` follows them)\n", run.err());
    }
  }

  @Test
  void aCancelThatMetaRefusesOnCtrlCSaysWhy() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.answers(command -> command.hasCancelOperation()
              ? ProposeReply.newBuilder().setChanged(false).setDescription("operation 50 already ended").build()
              : started(50))
          .states(fourNodes(), with(fourNodes(), running(50, rebalance(2), "MOVE_REPLICAS", T0))).ctrlCAtRead(2);
      FakeMeta.Run run = meta.run("rebalance", "--yes");
      assertEquals("rebalance 50 not cancelled: operation 50 already ended\n", run.err());
    }
  }
}
