package io.slotraft.tests.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.NodeAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the replica-move churn asks for, against plans meta could hold; no cluster needed. */
class ReshapeChoicesTest {

  @Test
  void movesGoFromAVoterToAMemberWithoutTheShardDrainsToANodeHoldingEnoughAndEveryKindComesUp() {
    ClusterPlan plan = plan(List.of("n1", "n2", "n3", "n4"), List.of(),
        shard("s1", List.of("n1", "n2", "n3"), List.of()),
        shard("s2", List.of("n2", "n3", "n4"), List.of("n1")),
        shard("s3", List.of("n4", "n1", "n2"), List.of()));
    Random random = new Random(7);
    Set<String> commands = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      ReshapeAction action = ReshapeChoices.next(plan, random);
      commands.add(action.command() + (action.cancelled() ? " cancelled" : ""));
      if (action.command().equals("drain")) {
        assertEquals("n2", action.arguments().get(0), "only n2 holds 3 replicas, enough to drain for a while");
      }
      if (action.command().equals("merge")) {
        List<String> pair = action.arguments().subList(0, 2);
        assertTrue(pair.equals(List.of("s1", "s2")) || pair.equals(List.of("s2", "s3")), "neighbours only: " + action);
      }
      if (action.command().equals("move-replica")) {
        String shard = action.arguments().get(0);
        assertTrue(shard.equals("s1") || shard.equals("s3"), "s2 has a learner on the only free node: " + action);
        List<String> voters = shard.equals("s1") ? List.of("n1", "n2", "n3") : List.of("n4", "n1", "n2");
        assertTrue(voters.contains(action.arguments().get(1)), action.toString());
        assertFalse(voters.contains(action.arguments().get(2)), action.toString());
      }
    }
    assertEquals(Set.of("move-replica", "move-replica cancelled", "rebalance", "drain cancelled", "split", "merge",
        "merge cancelled"), commands);
  }

  @Test
  void noDrainWhileANodeIsDrainingAndARebalanceWhenNothingCanMove() {
    ClusterPlan plan = plan(List.of("n1", "n2", "n3", "n4"), List.of("n4"),
        shard("s1", List.of("n1", "n2", "n3"), List.of()));
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      ReshapeAction action = ReshapeChoices.next(plan, random);
      assertTrue(action.command().equals("rebalance") || action.command().equals("split"),
          "n4 drains, every other member holds s1, and one shard cannot merge: " + action);
    }
  }

  @Test
  void splitsStopAtTheShardCapAndNeverTakeAOneSlotShard() {
    MetaShard[] many = new MetaShard[ReshapeChoices.MAX_SHARDS];
    for (int i = 0; i < many.length; i++) {
      many[i] = shard("s" + (i + 1), List.of("n1", "n2", "n3"), List.of());
    }
    ClusterPlan full = plan(List.of("n1", "n2", "n3", "n4"), List.of(), many);
    ClusterPlan oneSlot = plan(List.of("n1", "n2", "n3", "n4"), List.of(),
        shard("s1", List.of("n1", "n2", "n3"), List.of()).toBuilder().setSlotEnd(0).build());
    Random random = new Random(3);
    for (int i = 0; i < 500; i++) {
      assertFalse(ReshapeChoices.next(full, random).command().equals("split"), "at the cap");
      assertFalse(ReshapeChoices.next(oneSlot, random).command().equals("split"), "a one-slot shard");
    }
  }

  @Test
  void theCliFollowsABoundedTimeOrNotAtAllWhenItCancels() {
    assertEquals(List.of("s1", "n1", "n4", "--wait-secs", Integer.toString(ReshapeAction.MOVE_WAIT_SECS)),
        ReshapeAction.move("s1", "n1", "n4").cliArguments());
    assertEquals(List.of("n2", "--yes", "--wait-secs", "0", "--json"),
        ReshapeAction.drainThenCancel("n2", 1_500).cliArguments());
  }

  private static ClusterPlan plan(List<String> nodes, List<String> draining, MetaShard... shards) {
    ClusterPlan.Builder plan = ClusterPlan.newBuilder().setReplicationFactor(3);
    nodes.forEach(name -> plan.addNodes(NodeAddress.newBuilder().setName(name).setNodeId(id(name))));
    draining.forEach(name -> plan.addDrainingNodeIds(id(name)));
    plan.addAllShards(List.of(shards));
    return plan.build();
  }

  /** A shard of 100 slots (ranges need not tile the slots here: only whether one can split is read). */
  private static MetaShard shard(String id, List<String> voters, List<String> learners) {
    return MetaShard.newBuilder().setShardId(id).setSlotStart(0).setSlotEnd(99)
        .addAllReplicaNodeIds(voters.stream().map(ReshapeChoicesTest::id).toList())
        .addAllLearnerNodeIds(learners.stream().map(ReshapeChoicesTest::id).toList()).build();
  }

  private static String id(String name) {
    return "id-of-" + name;
  }
}
