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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.PlannedLeaderMove;
import io.slotraft.proto.v1.PlannedMove;
import io.slotraft.proto.v1.RebalanceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How operations and rebalance plans read, in tables, progress lines and JSON. */
class OperationTextTest {
  private static final long NOW = 1_000_000;
  private static final MetaView VIEW = new MetaView(fourNodes());

  /** A drain of n2 that has started two moves: one done, one copying. */
  private static List<Operation> drainWithTwoMoves() {
    Operation.Builder drainN2 = advanced(running(20, drain(2, 2), "MARK_DRAINING", NOW - 600_000),
        "MOVE_REPLICAS", NOW - 599_500, "n2 draining; 3 replicas to move");
    Operation.Builder first = running(21, move("s1", 2, 4), "ADD_LEARNER", NOW - 599_000).setParentId(20);
    first = advanced(first, "CATCH_UP", NOW - 598_000, "learner on n4");
    first = advanced(first, "PROMOTE", NOW - 500_000, "caught up").setBytesDone(80 * MIB).setBytesTotal(80 * MIB);
    first = ended(first, OperationStatus.OPERATION_SUCCEEDED, NOW - 499_000, "n4 votes in s1; n2 left it");
    Operation.Builder second = advanced(running(22, move("s2", 2, 4), "ADD_LEARNER", NOW - 499_000).setParentId(20),
        "CATCH_UP", NOW - 498_000, "learner on n4").setBytesDone(512 * MIB / 10).setBytesTotal(200 * MIB);
    return List.of(drainN2.build(), first.build(), second.build());
  }

  @Test
  void eachKindDescribesItselfWithNodeNames() {
    assertEquals("move s3 n1 -> n4", OperationText.describe(move("s3", 1, 4), VIEW));
    assertEquals("drain n2", OperationText.describe(drain(2, 2), VIEW));
    assertEquals("rebalance", OperationText.describe(rebalance(2), VIEW));
    OperationSpec planned = OperationSpec.newBuilder().setRebalance(RebalanceSpec.newBuilder().setPlanned(true)
        .addMoves(PlannedMove.getDefaultInstance()).addMoves(PlannedMove.getDefaultInstance())).build();
    assertEquals("rebalance, 2 moves", OperationText.describe(planned, VIEW));
    assertEquals("an operation this slotraft-admin does not know",
        OperationText.describe(OperationSpec.getDefaultInstance(), VIEW));
    // A node removed since: its id stands in for the name.
    assertEquals("move s3 n1 -> " + id(9), OperationText.describe(move("s3", 1, 9), VIEW));
  }

  @Test
  void theTableShowsProgressAgeAndEachOperationsStepHistoryUnderIt() {
    String text = OperationText.table(drainWithTwoMoves(), VIEW, NOW, true).render();
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(0).matches("ID +PARENT +OPERATION +STEP +STATUS +PROGRESS +AGE +DETAIL"), text);
    assertTrue(lines.get(1).matches("20 +- +drain n2 +MOVE_REPLICAS +running +- +10 min +n2 draining; 3 replicas to move"),
        text);
    assertEquals("    MARK_DRAINING  +0.5 s  n2 draining; 3 replicas to move", lines.get(2));
    assertTrue(lines.get(3).matches("21 +20 +move s1 n2 -> n4 +PROMOTE +succeeded +80\\.0/80\\.0 MiB 100% +9 min +"
        + "n4 votes in s1; n2 left it"), text);
    assertEquals("    ADD_LEARNER  +1.0 s  learner on n4", lines.get(4));
    assertEquals("    CATCH_UP     +99.0 s  caught up", lines.get(5));
    assertEquals("    PROMOTE      +100.0 s  n4 votes in s1; n2 left it", lines.get(6));
    assertTrue(lines.get(7).matches("22 +20 +move s2 n2 -> n4 +CATCH_UP +running +51\\.2/200\\.0 MiB 25% +8 min +"
        + "learner on n4"), text);
  }

  @Test
  void progressReadsAsMibAndPercentOnlyOnceThereIsATotal() {
    assertEquals("-", Units.progress(0, 0));
    assertEquals("3.0 MiB", Units.progress(3 * MIB, 0));
    assertEquals("1.5/3.0 MiB 50%", Units.progress(3 * MIB / 2, 3 * MIB));
    assertEquals("5 s", Units.duration(5_400));
    assertEquals("2 min", Units.duration(120_000));
    assertEquals("3 h", Units.duration(3 * 3_600_000));
  }

  @Test
  void aProgressLineNamesTheStepAndAnyStatusButPlainRunning() {
    List<Operation> ops = drainWithTwoMoves();
    assertEquals("#22 move s2 n2 -> n4: CATCH_UP 51.2/200.0 MiB 25%", OperationText.line(ops.get(2), VIEW));
    assertEquals("#21 move s1 n2 -> n4: PROMOTE succeeded 80.0/80.0 MiB 100%", OperationText.line(ops.get(1), VIEW));
    Operation cancelling = ops.get(0).toBuilder().setCancelRequested(true).build();
    assertEquals("#20 drain n2: MOVE_REPLICAS cancelling", OperationText.line(cancelling, VIEW));
  }

  @Test
  void anOperationsJsonHasItsSpecNodesByNameAndIdAndItsHistory() {
    JsonObject json = OperationJson.of(drainWithTwoMoves().get(1), VIEW);
    assertEquals(21, json.get("id").getAsLong());
    assertEquals(20, json.get("parent_id").getAsLong());
    assertEquals("move_replica", json.get("kind").getAsString());
    assertEquals("move s1 n2 -> n4", json.get("description").getAsString());
    assertEquals("succeeded", json.get("status").getAsString());
    assertEquals(80 * MIB, json.get("bytes_total").getAsLong());
    JsonObject spec = json.getAsJsonObject("spec");
    assertEquals("s1", spec.get("shard_id").getAsString());
    assertEquals("n2", spec.get("from").getAsString());
    assertEquals(id(4), spec.get("to_node_id").getAsString());
    JsonArray history = json.getAsJsonArray("history");
    assertEquals(3, history.size());
    assertEquals("CATCH_UP", history.get(1).getAsJsonObject().get("step").getAsString());
    assertEquals(NOW - 500_000, history.get(1).getAsJsonObject().get("at_ms").getAsLong());
    JsonObject drainJson = OperationJson.of(drainWithTwoMoves().get(0), VIEW);
    assertEquals("drain_node", drainJson.get("kind").getAsString());
    assertEquals(2, drainJson.getAsJsonObject("spec").get("max_concurrent_moves").getAsInt());
    assertEquals("n2", drainJson.getAsJsonObject("spec").get("node").getAsString());
  }

  private static RebalanceSpec plan() {
    return RebalanceSpec.newBuilder().setMaxConcurrentMoves(2)
        .addMoves(PlannedMove.newBuilder().setShardId("s1").setFromNodeId(id(1)).setToNodeId(id(4))
            .setBytes(100 * MIB).setWave(1))
        .addMoves(PlannedMove.newBuilder().setShardId("s2").setFromNodeId(id(2)).setToNodeId(id(4))
            .setBytes(60 * MIB).setWave(2))
        .addLeaderMoves(PlannedLeaderMove.newBuilder().setShardId("s3").setFromNodeId(id(3)).setToNodeId(id(4)))
        .build();
  }

  @Test
  void aPlanListsItsReplicaMovesByWaveItsLeaderMovesAndTheBytesToCopy() {
    String text = PlanText.render(plan(), VIEW);
    List<String> lines = text.lines().toList();
    assertEquals("rebalance plan: 2 replica moves (2 at a time), 1 leader moves, 160.0 MiB to copy", lines.get(0));
    assertTrue(lines.contains("WAVE  SHARD  FROM  TO  BYTES"), text);
    assertTrue(lines.contains("1     s1     n1    n4  100.0 MiB"), text);
    assertTrue(lines.contains("2     s2     n2    n4  60.0 MiB"), text);
    assertTrue(lines.contains("LEADER OF  FROM  TO"), text);
    assertTrue(lines.contains("s3         n3    n4"), text);
    assertEquals("balanced: nothing to move\n", PlanText.render(RebalanceSpec.getDefaultInstance(), VIEW));
  }

  @Test
  void aPlansJsonHasEveryMoveAndTheTotal() {
    JsonObject json = PlanText.json(plan(), VIEW);
    assertEquals(false, json.get("balanced").getAsBoolean());
    assertEquals(160 * MIB, json.get("total_bytes").getAsLong());
    JsonObject second = json.getAsJsonArray("moves").get(1).getAsJsonObject();
    assertEquals("s2", second.get("shard_id").getAsString());
    assertEquals("n2", second.get("from").getAsString());
    assertEquals(id(4), second.get("to_node_id").getAsString());
    assertEquals(2, second.get("wave").getAsInt());
    assertEquals("n4", json.getAsJsonArray("leader_moves").get(0).getAsJsonObject().get("to").getAsString());
    assertTrue(PlanText.json(RebalanceSpec.getDefaultInstance(), VIEW).get("balanced").getAsBoolean());
  }

  @Test
  void tableColumnsAreAsWideAsTheirWidestCell() {
    String text = new Table("A", "BB", "C").row("long cell", 1, "x").row("s", 22, "").note("  a note").render();
    assertEquals("A          BB  C\nlong cell  1   x\ns          22\n  a note\n", text);
  }
}
