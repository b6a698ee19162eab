package io.slotraft.node.cluster;

import static io.slotraft.node.session.TestNode.ID1;
import static io.slotraft.node.session.TestNode.ID2;
import static io.slotraft.node.session.TestNode.ID3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.TestNode;
import io.slotraft.proto.SlotHash;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CLUSTER on n1 of the one-shard, three-node test cluster: n1 leads, n2 and n3 follow. */
class ClusterCommandsTest {

  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("CLUSTER MYID", "\"" + ID1 + "\""),
        Arguments.of("cluster myid", "\"" + ID1 + "\""),
        Arguments.of("CLUSTER MYSHARDID", "\"s1\""),
        // Slots Redis's documentation gives for these keys.
        Arguments.of("CLUSTER KEYSLOT somekey", ":11058"),
        Arguments.of("CLUSTER KEYSLOT foo{hash_tag}", ":2515"),
        Arguments.of("CLUSTER KEYSLOT foo", ":12182"),
        Arguments.of("CLUSTER INFO", "\"cluster_state:ok\\r\\ncluster_slots_assigned:16384\\r\\n"
            + "cluster_slots_ok:16384\\r\\ncluster_slots_pfail:0\\r\\ncluster_slots_fail:0\\r\\n"
            + "cluster_known_nodes:3\\r\\ncluster_size:1\\r\\ncluster_current_epoch:7\\r\\ncluster_my_epoch:7\\r\\n"
            + "cluster_stats_messages_sent:0\\r\\ncluster_stats_messages_received:0\\r\\n"
            + "total_cluster_links_buffer_limit_exceeded:0\\r\\n\""),
        Arguments.of("CLUSTER NODES", "\"" + ID1 + " 127.0.0.1:7001@7201 myself,master - 0 0 7 connected 0-16383\\n"
            + ID2 + " 127.0.0.1:7002@7202 slave " + ID1 + " 0 1700000123456 7 connected\\n"
            + ID3 + " 127.0.0.1:7003@7203 slave " + ID1 + " 0 1700000123456 7 connected\\n\""),
        Arguments.of("CLUSTER SLOTS", "[[:0, :16383, [\"127.0.0.1\", :7001, \"" + ID1 + "\", {}], "
            + "[\"127.0.0.1\", :7002, \"" + ID2 + "\", {}], [\"127.0.0.1\", :7003, \"" + ID3 + "\", {}]]]"),
        Arguments.of("CLUSTER SHARDS", "[{\"slots\": [:0, :16383], \"nodes\": ["
            + shardNode(ID1, 7001, "master") + ", " + shardNode(ID2, 7002, "replica") + ", "
            + shardNode(ID3, 7003, "replica") + "]}]"),
        Arguments.of("CLUSTER COUNTKEYSINSLOT 1", ":0"),
        Arguments.of("CLUSTER GETKEYSINSLOT 1 10", "[]"),
        Arguments.of("CLUSTER GETKEYSINSLOT 1", "-ERR wrong number of arguments for 'cluster|getkeysinslot' command"),
        Arguments.of("CLUSTER KEYSLOT", "-ERR wrong number of arguments for 'cluster|keyslot' command"),
        Arguments.of("CLUSTER KEYSLOT a b", "-ERR wrong number of arguments for 'cluster|keyslot' command"),
        Arguments.of("CLUSTER NODES x", "-ERR wrong number of arguments for 'cluster|nodes' command"),
        Arguments.of("CLUSTER MEETS 10.0.0.1 7000", "-ERR unknown subcommand 'MEETS'. Try CLUSTER HELP."),
        Arguments.of("CLUSTER", "-ERR wrong number of arguments for 'cluster' command"));
  }

  private static String shardNode(String id, int port, String role) {
    return "{\"id\": \"" + id + "\", \"port\": :" + port + ", \"ip\": \"127.0.0.1\", \"endpoint\": \"127.0.0.1\", "
        + "\"replication-offset\": :0, \"role\": \"" + role + "\", \"health\": \"online\"}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void replies(String line, String expected) {
    assertEquals(expected, node.text(session, TestNode.words(line)));
  }

  @Test
  void keysInSlotComeFromTheNodesOwnReplica() {
    node.putKey("user:1");
    node.putKey("user:1x");
    int slot = SlotHash.slot("user:1".getBytes());
    assertEquals(":1", node.text(session, "CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
    assertEquals("[\"user:1\"]", node.text(session, "CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "10"));
    assertEquals("[]", node.text(session, "CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "0"));
    assertEquals(":0", node.text(session, "CLUSTER", "COUNTKEYSINSLOT", "0"));
    assertEquals("-ERR Invalid slot", node.text(session, "CLUSTER", "COUNTKEYSINSLOT", "16384"));
    assertEquals("-ERR Invalid slot", node.text(session, "CLUSTER", "COUNTKEYSINSLOT", "-1"));
    assertEquals("-ERR Invalid slot or number of keys", node.text(session, "CLUSTER", "GETKEYSINSLOT", "x", "1"));
    assertEquals("-ERR Invalid slot or number of keys", node.text(session, "CLUSTER", "GETKEYSINSLOT", "1", "-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reshaping")
  void reshapingByHandIsRefusedWithTheAdminCommandThatDoesIt(String line, String names) {
    String reply = node.text(session, TestNode.words(line));
    assertTrue(reply.startsWith("-ERR ") && reply.contains("is not supported") && reply.contains(names), reply);
  }

  static Stream<Arguments> reshaping() {
    return Stream.of(
        Arguments.of("CLUSTER SETSLOT 100 IMPORTING " + ID2, "slotraft-admin split SHARD"),
        Arguments.of("CLUSTER SETSLOT 100 STABLE", "slotraft-admin rebalance"),
        Arguments.of("CLUSTER ADDSLOTS 1 2 3", "slotraft-admin split"),
        Arguments.of("CLUSTER DELSLOTSRANGE 1 2", "slotraft-admin split"),
        Arguments.of("CLUSTER MEET 10.0.0.1 7000", "slotraft-admin drain"),
        Arguments.of("CLUSTER FORGET " + ID2, "slotraft-admin remove-node"),
        Arguments.of("CLUSTER REPLICATE " + ID2, "slotraft-admin move-replica"),
        Arguments.of("CLUSTER FAILOVER", "slotraft-admin set-preferred-leader"),
        Arguments.of("CLUSTER RESET HARD", "slotraft-admin"),
        Arguments.of("MIGRATE 127.0.0.1 7002 key 0 5000", "slotraft-admin split"),
        Arguments.of("MIGRATE 127.0.0.1 7002 x 0 5000 KEYS a b", "slotraft-admin split"));
  }

  @Test
  void helpListsTheSubcommands() {
    String help = node.text(session, "CLUSTER", "HELP");
    assertTrue(help.startsWith("[+CLUSTER <subcommand> [<arg> ...]. Subcommands are:, +INFO, "), help);
    assertTrue(help.contains("+KEYSLOT <key>, +    Returns the hash slot of a key."), help);
    assertTrue(help.contains("+GETKEYSINSLOT <slot> <count>"), help);
  }

  @Test
  void aFollowerNodeShowsItselfAsReplica() {
    node.setCluster(new ClusterView(7, TestNode.N2, TestNode.oneShard().members(), TestNode.oneShard().shards()));
    String nodes = node.text(session, "CLUSTER", "NODES");
    assertTrue(nodes.contains(ID1 + " 127.0.0.1:7001@7201 master - 0 1700000123456 7 connected 0-16383\\n"), nodes);
    assertTrue(nodes.contains(ID2 + " 127.0.0.1:7002@7202 myself,slave " + ID1 + " 0 0 7 connected\\n"), nodes);
    assertEquals("\"" + ID2 + "\"", node.text(session, "CLUSTER", "MYID"));
    assertEquals("\"s1\"", node.text(session, "CLUSTER", "MYSHARDID"));
  }
}
