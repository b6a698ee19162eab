package io.slotraft.admin;

import static io.slotraft.admin.Clusters.advanced;
import static io.slotraft.admin.Clusters.ended;
import static io.slotraft.admin.Clusters.fourNodes;
import static io.slotraft.admin.Clusters.id;
import static io.slotraft.admin.Clusters.move;
import static io.slotraft.admin.Clusters.running;
import static io.slotraft.admin.Clusters.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code remove-node}, {@code cancel}, {@code operations} and {@code status} against a scripted meta. */
class MembersAndOperationsCommandTest {
  private static final long T0 = 1_000_000;

  @Test
  void removeNodeProposesItByIdAndReportsTheNewEpoch() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes()).answers(command -> ProposeReply.newBuilder().setChanged(true).setEpoch(9).build());
      FakeMeta.Run run = meta.run("remove-node", "n4", "--yes");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("n4 (" + id(4) + ") is no longer a member (epoch 9); its process can be stopped\n", run.out());
      assertEquals(3, meta.proposals().get(0).getFormatVersion());
      assertEquals(id(4), meta.proposals().get(0).getRemoveNode().getNodeId());
    }
  }

  @Test
  void removeNodeThatMetaRefusesExitsOneWithWhatTheNodeStillHolds() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes()).answers(command -> ProposeReply.newBuilder().setChanged(false).setEpoch(7)
          .setDescription("n2 still holds replicas of s1, s2, s3 and a meta vote: drain it first").build());
      FakeMeta.Run run = meta.run("remove-node", "n2", "--yes");
      assertEquals(1, run.exitCode());
      assertEquals("slotraft-admin: meta refused to remove n2: n2 still holds replicas of s1, s2, s3 and a meta "
          + "vote: drain it first\n", run.err());
      FakeMeta.Run json = meta.run("remove-node", "n2", "--yes", "--json");
      assertEquals(1, json.exitCode());
      JsonObject reply = JsonParser.parseString(json.out()).getAsJsonObject();
      assertEquals(false, reply.get("changed").getAsBoolean());
      assertTrue(reply.get("description").getAsString().startsWith("n2 still holds"));
    }
  }

  @Test
  void cancelProposesCancelOperationAndPassesOnMetasAnswer() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes()).answers(command -> command.getCancelOperation().getId() == 41
          ? ProposeReply.newBuilder().setChanged(true).setDescription("move s3 rolls back").build()
          : ProposeReply.newBuilder().setChanged(false).setDescription("no running operation 42").build());
      FakeMeta.Run run = meta.run("cancel", "41");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("operation 41: cancel requested (move s3 rolls back); `slotraft-admin operations --watch` "
          + "follows it\n", run.out());
      assertEquals(3, meta.proposals().get(0).getFormatVersion());
      FakeMeta.Run refused = meta.run("cancel", "42");
      assertEquals(1, refused.exitCode());
      assertEquals("slotraft-admin: meta did not cancel operation 42: no running operation 42\n", refused.err());
    }
  }

  private static MetaState oneRunningOneFinished() {
    Operation.Builder done = ended(advanced(running(30, move("s1", 1, 4), "ADD_LEARNER", T0 - 90_000), "CATCH_UP",
        T0 - 89_000, "learner on n4"), OperationStatus.OPERATION_CANCELLED, T0 - 80_000, "cancelled; learner removed");
    Operation.Builder moving = advanced(running(41, move("s3", 1, 4), "ADD_LEARNER", T0 - 10_000), "CATCH_UP",
        T0 - 9_000, "learner on n4");
    return with(fourNodes(), done, moving);
  }

  @Test
  void operationsListsTheRunningOnesWithHistoryAndAllAddsTheFinished() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(oneRunningOneFinished());
      FakeMeta.Run run = meta.run("operations");
      assertEquals(0, run.exitCode(), run.err());
      List<String> lines = run.out().lines().toList();
      assertEquals(3, lines.size(), run.out());
      assertTrue(lines.get(1).matches("41 +- +move s3 n1 -> n4 +CATCH_UP +running +- +10 s +learner on n4"), run.out());
      assertEquals("    ADD_LEARNER  +1.0 s  learner on n4", lines.get(2));
      FakeMeta.Run all = meta.run("operations", "--all");
      assertTrue(all.out().lines().anyMatch(l -> l.matches("30 +- +move s1 n1 -> n4 +CATCH_UP +cancelled .*")),
          all.out());
      FakeMeta.Run json = meta.run("operations", "--all", "--json");
      JsonObject document = JsonParser.parseString(json.out()).getAsJsonObject();
      assertEquals(2, document.getAsJsonArray("operations").size());
      assertEquals("cancelled", document.getAsJsonArray("operations").get(0).getAsJsonObject().get("status")
          .getAsString());
    }
  }

  @Test
  void operationsWithNothingRunningSaysSo() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes());
      assertEquals("no operations running\n", meta.run("operations").out());
      assertEquals("meta keeps no operations\n", meta.run("operations", "--all").out());
    }
  }

  @Test
  void watchRedrawsEverySecondUntilCtrlC() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(fourNodes(), oneRunningOneFinished(), fourNodes()).ctrlCAtRead(3);
      FakeMeta.Run run = meta.run("operations", "--watch");
      assertEquals(OperationRun.STOPPED_WATCHING, run.exitCode());
      assertEquals(3, meta.reads());
      assertEquals(3, run.out().lines().filter(l -> l.startsWith("epoch 7, every 1 s; Ctrl-C stops watching")).count(),
          run.out());
      assertTrue(run.out().contains("\n41  "), run.out());
      FakeMeta.Run json = meta.ctrlCAtRead(5).run("operations", "--watch", "--json");
      assertEquals(2, json.out().lines().count(), "one document per line, per redraw: " + json.out());
      json.out().lines().forEach(line -> JsonParser.parseString(line).getAsJsonObject().getAsJsonArray("operations"));
    }
  }

  @Test
  void statusJsonIsOneDocument() throws Exception {
    try (FakeMeta meta = new FakeMeta()) {
      meta.states(oneRunningOneFinished());
      FakeMeta.Run run = meta.run("status", "--json");
      assertEquals(0, run.exitCode(), run.err());
      JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
      assertEquals(4, json.getAsJsonArray("nodes").size());
      assertEquals(1, json.getAsJsonArray("operations").size(), "status lists running operations only");
      assertTrue(meta.run("status").out().contains("\n1 operation running:\n"));
    }
  }
}
