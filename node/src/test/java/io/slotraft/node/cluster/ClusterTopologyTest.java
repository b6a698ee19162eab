package io.slotraft.node.cluster;

import static io.slotraft.node.session.TestNode.ID1;
import static io.slotraft.node.session.TestNode.ID2;
import static io.slotraft.node.session.TestNode.ID3;
import static io.slotraft.node.session.TestNode.N1;
import static io.slotraft.node.session.TestNode.N2;
import static io.slotraft.node.session.TestNode.N3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ReplyText;
import io.slotraft.node.session.TestNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Several shards mapped onto Redis Cluster's roles, and the CLUSTER replies checked against the
 * shapes redis-cli --cluster check, Lettuce (NODES), Jedis and redis-py (SLOTS) parse.
 */
class ClusterTopologyTest {
  private static final long NOW = TestNode.NOW_MS;
  private static final String ID4 = "d6a0d1ad8fbb5b2bcb0f4e0b5c3e6e3a1b2c3d4e";
  private static final ClusterMember N4 = new ClusterMember(ID4, "n4", "10.0.0.4", 7004, 7104, 7204, 7304);
  private static final List<String> ALL = List.of(ID1, ID2, ID3);

  /** What redis-cli's cluster manager and Lettuce's parser accept as a CLUSTER NODES line. */
  private static final Pattern NODES_LINE = Pattern.compile("[0-9a-f]{40} [^ :,@]+:\\d+@\\d+(,\\S*)? "
      + "(myself,)?(master|slave) (-|[0-9a-f]{40}) \\d+ \\d+ \\d+ (connected|disconnected)( \\d+(-\\d+)?)*");

  private static ClusterView view(ClusterMember self, List<ClusterMember> members, ShardView... shards) {
    return new ClusterView(9, self, members, List.of(shards));
  }

  /** Three shards, each led by a different node; the third has no leader yet. */
  private static ClusterView threeShards() {
    return view(N1, List.of(N1, N2, N3),
        new ShardView("sB", 5461, 10922, ID2, ALL),
        new ShardView("sA", 0, 5460, ID1, ALL),
        new ShardView("sC", 10923, 16383, null, List.of(ID3, ID1, ID2)));
  }

  @Test
  void eachShardLeaderIsAMasterAndALeaderlessShardTakesItsFirstReplica() {
    String nodes = ClusterNodesFormat.render(ClusterRoles.of(threeShards()), NOW);
    assertEquals(ID1 + " 127.0.0.1:7001@7201 myself,master - 0 0 9 connected 0-5460\n"
        + ID2 + " 127.0.0.1:7002@7202 master - 0 " + NOW + " 9 connected 5461-10922\n"
        + ID3 + " 127.0.0.1:7003@7203 master - 0 " + NOW + " 9 connected 10923-16383\n", nodes);
    assertEquals("cluster_size:3", line(ClusterInfoFormat.render(ClusterRoles.of(threeShards())), "cluster_size"));
  }

  @Test
  void aShardWithoutALeaderFailsTheClusterStateUntilOneIsElected() {
    String info = ClusterInfoFormat.render(ClusterRoles.of(threeShards()));
    assertTrue(info.startsWith("cluster_state:fail\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:10923\r\n"
        + "cluster_slots_pfail:5461\r\n"), info);
  }

  @Test
  void aNodeWhoseShardsAllFollowOneLeaderIsItsReplica() {
    ClusterView view = view(N2, List.of(N1, N2, N3),
        new ShardView("sA", 0, 8191, ID1, ALL), new ShardView("sB", 8192, 16383, ID1, ALL));
    String nodes = ClusterNodesFormat.render(ClusterRoles.of(view), NOW);
    assertTrue(nodes.contains(ID2 + " 127.0.0.1:7002@7202 myself,slave " + ID1 + " 0 0 9 connected\n"), nodes);
    assertEquals("cluster_state:ok", line(ClusterInfoFormat.render(ClusterRoles.of(view)), "cluster_state"));
  }

  @Test
  void slotsListOneEntryPerShardInSlotOrderWithThatShardsReplicas() {
    String slots = ReplyText.of(ClusterSlotsFormat.render(ClusterRoles.of(threeShards())));
    assertEquals("[" + entry(0, 5460, ID1, ID2, ID3) + ", " + entry(5461, 10922, ID2, ID1, ID3) + ", "
        + entry(10923, 16383, ID3, ID1, ID2) + "]", slots);
  }

  @Test
  void slotsEntriesHaveTheShapeJedisReads() {
    Reply.Array slots = (Reply.Array) ClusterSlotsFormat.render(ClusterRoles.of(threeShards()));
    for (Reply entry : slots.items()) {
      List<Reply> fields = ((Reply.Array) entry).items();
      assertTrue(fields.get(0) instanceof Reply.Int && fields.get(1) instanceof Reply.Int);
      for (Reply node : fields.subList(2, fields.size())) {
        List<Reply> endpoint = ((Reply.Array) node).items();
        assertEquals(4, endpoint.size());
        assertTrue(endpoint.get(0) instanceof Reply.Bulk);
        assertTrue(endpoint.get(1) instanceof Reply.Int);
        assertTrue(ReplyText.of(endpoint.get(2)).matches("\"[0-9a-f]{40}\""));
        assertTrue(endpoint.get(3) instanceof Reply.MapReply);
      }
    }
  }

  @Test
  void adjacentShardsOfOneMasterJoinIntoOneRangeAndASingleSlotPrintsAlone() {
    ClusterView view = view(N3, List.of(N1, N2, N3, N4),
        new ShardView("sA", 0, 99, ID1, ALL),
        new ShardView("sB", 100, 100, ID2, ALL),
        new ShardView("sC", 101, 8191, ID1, ALL),
        new ShardView("sD", 8192, 16383, ID1, ALL));
    String nodes = ClusterNodesFormat.render(ClusterRoles.of(view), NOW);
    assertEquals(ID1 + " 127.0.0.1:7001@7201 master - 0 " + NOW + " 9 connected 0-99 101-16383\n"
        + ID2 + " 127.0.0.1:7002@7202 master - 0 " + NOW + " 9 connected 100\n"
        // n3 leads nothing and its shards have two masters: a master without slots, not half a replica.
        + ID3 + " 127.0.0.1:7003@7203 myself,master - 0 0 9 connected\n"
        // n4 holds no replica: a master without slots, as a Redis node that joined but serves nothing.
        + ID4 + " 10.0.0.4:7004@7204 master - 0 " + NOW + " 9 connected\n", nodes);
    for (String line : nodes.split("\n")) {
      assertTrue(NODES_LINE.matcher(line).matches(), line);
    }
    assertEquals("cluster_size:2", line(ClusterInfoFormat.render(ClusterRoles.of(view)), "cluster_size"));
    assertEquals("cluster_known_nodes:4", line(ClusterInfoFormat.render(ClusterRoles.of(view)), "cluster_known_nodes"));
  }

  @Test
  void uncoveredSlotsFailTheClusterState() {
    ClusterView view = view(N1, List.of(N1, N2, N3), new ShardView("sA", 0, 8191, ID1, ALL),
        // Its only replica is not a known member, so nobody can be shown serving it.
        new ShardView("sB", 8192, 16383, null, List.of(ID4)));
    String info = ClusterInfoFormat.render(ClusterRoles.of(view));
    assertTrue(info.startsWith("cluster_state:fail\r\ncluster_slots_assigned:8192\r\ncluster_slots_ok:8192\r\n"), info);
    assertEquals("[" + entry(0, 8191, ID1, ID2, ID3) + "]",
        ReplyText.of(ClusterSlotsFormat.render(ClusterRoles.of(view))));
  }

  @Test
  void shardsDescribeEachRaftGroupWithItsLeaderAsMaster() {
    String shards = ReplyText.of(ClusterShardsFormat.render(ClusterRoles.of(threeShards())));
    assertTrue(shards.startsWith("[{\"slots\": [:0, :5460], \"nodes\": [{\"id\": \"" + ID1 + "\", \"port\": :7001, "
        + "\"ip\": \"127.0.0.1\", \"endpoint\": \"127.0.0.1\", \"replication-offset\": :0, \"role\": \"master\", "
        + "\"health\": \"online\"}, {\"id\": \"" + ID2 + "\""), shards);
    assertTrue(shards.contains("{\"slots\": [:10923, :16383], \"nodes\": [{\"id\": \"" + ID3 + "\""), shards);
  }

  @Test
  void myShardIdIsTheShardNodesPlacesTheNodeIn() {
    TestNode node = new TestNode();
    var session = node.connect("127.0.0.1:1", 0);
    node.setCluster(view(N2, List.of(N1, N2, N3), new ShardView("sA", 0, 16383, ID1, ALL)));
    assertEquals("\"sA\"", node.text(session, "CLUSTER", "MYSHARDID"));
    node.setCluster(view(N4, List.of(N1, N2, N3, N4), new ShardView("sA", 0, 16383, ID1, ALL)));
    assertEquals("\"" + ID4 + "\"", node.text(session, "CLUSTER", "MYSHARDID"));
  }

  private static String entry(int start, int end, String... ids) {
    StringBuilder text = new StringBuilder("[:" + start + ", :" + end);
    for (String id : ids) {
      ClusterMember member = List.of(N1, N2, N3).stream().filter(m -> m.nodeId().equals(id)).findFirst().orElseThrow();
      text.append(", [\"").append(member.host()).append("\", :").append(member.respPort()).append(", \"").append(id)
          .append("\", {}]");
    }
    return text.append("]").toString();
  }

  private static String line(String info, String name) {
    return info.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow();
  }
}
