package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.ShardView;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitCommandTest {
  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  @Test
  void theLeaderAnswersHowManyReplicasRaftGuarantees() {
    // Three voters: a majority is two, so at least one other replica holds every acknowledged write.
    assertEquals(":1", node.text(session, "WAIT", "2", "100"));
    assertEquals(":1", node.text(session, "WAIT", "0", "0"));
  }

  @Test
  void fiveVotersGuaranteeTwoReplicas() {
    node.setCluster(new ClusterView(1, TestNode.N1, List.of(TestNode.N1, TestNode.N2, TestNode.N3),
        List.of(new ShardView("s1", 0, 16383, TestNode.ID1, List.of(TestNode.ID1, TestNode.ID2, TestNode.ID3, "x4", "x5")))));
    assertEquals(":2", node.text(session, "WAIT", "5", "10"));
  }

  @Test
  void aFollowerRefusesAsARedisReplicaDoes() {
    node.setCluster(new ClusterView(1, TestNode.N2, List.of(TestNode.N1, TestNode.N2, TestNode.N3),
        List.of(new ShardView("s1", 0, 16383, TestNode.ID1, List.of(TestNode.ID1, TestNode.ID2, TestNode.ID3)))));
    assertEquals("-" + ((io.slotraft.node.reply.Reply.Error) WaitCommand.ON_REPLICA).message(),
        node.text(session, "WAIT", "1", "0"));
  }

  @Test
  void badArgumentsGetRedisErrors() {
    assertEquals("-ERR value is not an integer or out of range", node.text(session, "WAIT", "x", "0"));
    assertEquals("-ERR timeout is negative", node.text(session, "WAIT", "1", "-5"));
    assertEquals("-ERR wrong number of arguments for 'wait' command", node.text(session, "WAIT", "1"));
  }
}
