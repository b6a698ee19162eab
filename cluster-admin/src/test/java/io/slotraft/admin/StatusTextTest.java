package io.slotraft.admin;

import static io.slotraft.admin.Clusters.MIB;
import static io.slotraft.admin.Clusters.advanced;
import static io.slotraft.admin.Clusters.fourNodes;
import static io.slotraft.admin.Clusters.id;
import static io.slotraft.admin.Clusters.move;
import static io.slotraft.admin.Clusters.node;
import static io.slotraft.admin.Clusters.running;
import static io.slotraft.admin.Clusters.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.ShardReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code status} prints from one read of meta, as tables and as JSON. */
class StatusTextTest {
  private static final long NOW = 1_000_000;

  /** n1 draining, n4 a learner of s3 through a running move, n4 never reported. */
  private static MetaState movingS3ToN4() {
    MetaState state = fourNodes();
    ClusterPlan plan = state.getPlan().toBuilder().addDrainingNodeIds(id(1))
        .setShards(2, state.getPlan().getShards(2).toBuilder().addLearnerNodeIds(id(4))).build();
    return with(state.toBuilder().setPlan(plan).build(),
        advanced(running(41, move("s3", 1, 4), "ADD_LEARNER", NOW - 200_000), "CATCH_UP", NOW - 199_000,
            "n4 added as a learner").setBytesDone(40 * MIB).setBytesTotal(100 * MIB));
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  @Test
  void membersShowMetaVotesDrainingReplicasLearnersAndReports() {
    String text = StatusText.render(movingS3ToN4(), NOW);
    assertTrue(text.startsWith("epoch 7: 4 nodes, 3 shards x 3 replicas (meta log index 40)\n"), text);
    assertTrue(text.contains("NODE  ID  "), text);
    assertTrue(lines(text).stream().anyMatch(l -> l.matches(
        "n1 +0{39}1 +127\\.0\\.0\\.1 +7001 +7101 +voter +yes +3 +0 +1 +3 s ago")), text);
    assertTrue(lines(text).stream().anyMatch(l -> l.matches(
        "n2 +0{39}2 +127\\.0\\.0\\.1 +7002 +7102 +voter +- +3 +0 +1 +3 s ago")), text);
    assertTrue(lines(text).stream().anyMatch(l -> l.matches(
        "n4 +0{39}4 +127\\.0\\.0\\.1 +7004 +7104 +- +- +0 +1 +- +never")), text);
  }

  @Test
  void shardLinesKeepIdSlotsPreferredLeaderVotersFirstThenLearners() {
    String text = StatusText.render(movingS3ToN4(), NOW);
    assertTrue(lines(text).contains("s1     0-5460       n1         n1      n1,n2,n3  -"), text);
    assertTrue(lines(text).contains("s3     10923-16383  n3         n3      n3,n1,n2  n4"), text);
  }

  @Test
  void runningOperationsAreOneLineEach() {
    String text = StatusText.render(movingS3ToN4(), NOW);
    assertTrue(text.contains("\n1 operation running:\n"), text);
    assertTrue(lines(text).stream().anyMatch(l -> l.matches(
        "41 +- +move s3 n1 -> n4 +CATCH_UP +running +40\\.0/100\\.0 MiB 40% +3 min +n4 added as a learner")), text);
    assertTrue(StatusText.render(fourNodes(), NOW).endsWith("\nno operations running\n"));
  }

  @Test
  void aPlanFromBeforeMetaVotersWereListedHasTheFirstThreeMembersAsVoters() {
    MetaState state = fourNodes();
    state = state.toBuilder().setPlan(state.getPlan().toBuilder().clearMetaVoterNodeIds()).build();
    assertEquals(List.of(id(1), id(2), id(3)), new MetaView(state).metaVoters());
    ClusterPlan.Builder five = state.getPlan().toBuilder().addNodes(node(5));
    assertEquals(5, new MetaView(state.toBuilder().setPlan(five).build()).metaVoters().size());
  }

  @Test
  void jsonHasStableFieldsNamesAndIdsAndNullsForWhatIsUnknown() {
    StringWriter out = new StringWriter();
    Json.print(new PrintWriter(out), StatusJson.of(movingS3ToN4()));
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertEquals(7, json.get("epoch").getAsInt());
    JsonObject n1 = json.getAsJsonArray("nodes").get(0).getAsJsonObject();
    assertEquals("n1", n1.get("name").getAsString());
    assertTrue(n1.get("draining").getAsBoolean());
    assertTrue(n1.get("meta_voter").getAsBoolean());
    assertEquals(3, n1.get("voter_replicas").getAsInt());
    assertEquals(1, n1.get("leaders_reported").getAsInt());
    JsonObject n4 = json.getAsJsonArray("nodes").get(3).getAsJsonObject();
    assertEquals(1, n4.get("learner_replicas").getAsInt());
    assertTrue(n4.get("leaders_reported").isJsonNull(), "never reported is not 'leads 0'");
    assertTrue(n4.get("reported_at_ms").isJsonNull());
    JsonObject s3 = json.getAsJsonArray("shards").get(2).getAsJsonObject();
    assertEquals("[\"n3\",\"n1\",\"n2\"]", s3.get("voters").toString());
    assertEquals("[\"n4\"]", s3.get("learners").toString());
    assertEquals("[\"" + id(4) + "\"]", s3.get("learner_node_ids").toString());
    assertEquals("n3", s3.get("preferred_leader").getAsString());
    assertEquals(id(3), s3.get("reported_leader_node_id").getAsString());
    JsonObject op = json.getAsJsonArray("operations").get(0).getAsJsonObject();
    assertEquals(41, op.get("id").getAsLong());
    assertEquals("move_replica", op.get("kind").getAsString());
    assertEquals("n4", op.getAsJsonObject("spec").get("to").getAsString());
  }

  @Test
  void whenTwoReportsClaimAShardTheNewerWins() {
    MetaState state = fourNodes().toBuilder()
        .addReports(NodeReport.newBuilder().setNodeId(id(4)).setReportedAtMs(NOW)
            .addShards(ShardReport.newBuilder().setShardId("s2").setLeader(true)))
        .build();
    assertEquals(id(4), new MetaView(state).reportedLeader("s2").orElseThrow());
    assertEquals(id(1), new MetaView(state).reportedLeader("s1").orElseThrow());
  }

  @Test
  void aShardNobodyReportsLeadingSaysNone() {
    MetaState state = fourNodes().toBuilder().clearReports().build();
    assertTrue(StatusText.render(state, NOW).lines().anyMatch(l -> l.matches("s2 +5461-10922 +n2 +none +.*")));
  }

  @Test
  void anUnbootstrappedMetaSaysSo() {
    assertEquals("meta is not bootstrapped yet: the nodes are still starting\n",
        StatusText.render(MetaState.getDefaultInstance(), 0));
  }
}
