package io.slotraft.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.ShardReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code status} prints from one read of meta. */
class StatusTextTest {
  private static NodeAddress node(int i) {
    return NodeAddress.newBuilder().setNodeId(String.format("%040x", i)).setName("n" + i).setHost("127.0.0.1")
        .setRespPort(7000 + i).setGrpcPort(7100 + i).build();
  }

  private static MetaState state() {
    ClusterPlan plan = ClusterPlan.newBuilder().addNodes(node(1)).addNodes(node(2)).setReplicationFactor(2)
        .addShards(MetaShard.newBuilder().setShardId("s1").setSlotStart(0).setSlotEnd(8191)
            .addAllReplicaNodeIds(List.of(node(1).getNodeId(), node(2).getNodeId())))
        .addShards(MetaShard.newBuilder().setShardId("s2").setSlotStart(8192).setSlotEnd(16383)
            .addAllReplicaNodeIds(List.of(node(2).getNodeId(), node(1).getNodeId())))
        .build();
    return MetaState.newBuilder().setBootstrapped(true).setEpoch(3).setPlan(plan).setAppliedIndex(42)
        .addReports(NodeReport.newBuilder().setNodeId(node(2).getNodeId()).setReportedAtMs(95_000)
            .addShards(ShardReport.newBuilder().setShardId("s1").setLeader(true))
            .addShards(ShardReport.newBuilder().setShardId("s2").setLeader(true)))
        .build();
  }

  @Test
  void showsTheEpochEveryNodesReportAndEachShardsPreferredAndReportedLeader() {
    String text = StatusText.render(state(), 100_000);
    assertTrue(text.startsWith("epoch 3: 2 nodes, 2 shards x 2 replicas (meta log index 42)"), text);
    List<String> lines = text.lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("n1 ") && l.endsWith("never")), text);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("n2 ") && l.contains(" 2      2  5 s ago")), text);
    assertTrue(lines.stream().anyMatch(l -> l.matches("s1 +0-8191 +n1 +n2 +n1,n2")), text);
    assertTrue(lines.stream().anyMatch(l -> l.matches("s2 +8192-16383 +n2 +n2 +n2,n1")), text);
  }

  @Test
  void whenTwoReportsClaimAShardTheNewerWins() {
    MetaState state = state().toBuilder()
        .addReports(NodeReport.newBuilder().setNodeId(node(1).getNodeId()).setReportedAtMs(99_000)
            .addShards(ShardReport.newBuilder().setShardId("s2").setLeader(true)))
        .build();
    assertEquals(node(1).getNodeId(), new MetaView(state).reportedLeader("s2").orElseThrow());
    assertEquals(node(2).getNodeId(), new MetaView(state).reportedLeader("s1").orElseThrow());
  }

  @Test
  void anUnbootstrappedMetaSaysSo() {
    assertEquals("meta is not bootstrapped yet: the nodes are still starting\n",
        StatusText.render(MetaState.getDefaultInstance(), 0));
  }
}
