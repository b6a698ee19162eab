package io.slotraft.node.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The plan every node computes alone: full contiguous coverage, even load, the same answer each time. */
class PlacementPlannerTest {

  private static List<String> members(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "n" + i).toList();
  }

  @Test
  void oneShardIsTodaysLayoutExactly() {
    Placement plan = PlacementPlanner.plan(members(3), 1, 3);
    assertEquals(List.of(new ShardPlacement("s1", 0, 16383, List.of("n1", "n2", "n3"))), plan.shards());
  }

  @Test
  void threeNodesTwelveShardsEachNodeHoldsTwelveAndPrefersFour() {
    Placement plan = PlacementPlanner.plan(members(3), 12, 3);
    for (String node : members(3)) {
      assertEquals(12, plan.shardsOn(node).size(), node);
      assertEquals(4, plan.shards().stream().filter(s -> s.preferredLeader().equals(node)).count(), node);
    }
    assertEquals(new ShardPlacement("s1", 0, 1364, List.of("n1", "n2", "n3")), plan.shards().get(0));
    assertEquals(16383, plan.shards().get(11).slotEnd());
  }

  @Test
  void fiveNodesTwelveShardsHoldSevenOrEightReplicasEach() {
    Placement plan = PlacementPlanner.plan(members(5), 12, 3);
    for (String node : members(5)) {
      int held = plan.shardsOn(node).size();
      assertTrue(held == 7 || held == 8, node + " holds " + held);
    }
  }

  @Test
  void everyPlanUpToNineNodesAndAHundredShardsCoversAllSlotsAndBalancesReplicasAndLeaders() {
    for (int n = 1; n <= 9; n++) {
      for (int factor = 1; factor <= Math.min(n, 5); factor++) {
        for (int shards = 1; shards <= 100; shards++) {
          checkPlan(PlacementPlanner.plan(members(n), shards, factor), n, shards, factor);
        }
      }
    }
  }

  @Test
  void largeShardCountsStayBalanced() {
    for (int shards : new int[] {100, 128, 1000, 16384}) {
      checkPlan(PlacementPlanner.plan(members(7), shards, 3), 7, shards, 3);
    }
  }

  @Test
  void theSameSettingsGiveTheSamePlan() {
    for (int shards = 1; shards <= 50; shards++) {
      assertEquals(PlacementPlanner.plan(members(5), shards, 3), PlacementPlanner.plan(members(5), shards, 3));
    }
  }

  @Test
  void slotsFindTheirShard() {
    Placement plan = PlacementPlanner.plan(members(3), 12, 3);
    for (int slot = 0; slot < 16384; slot++) {
      assertTrue(plan.shardOfSlot(slot).owns(slot), "slot " + slot);
    }
    assertThrows(IllegalArgumentException.class, () -> plan.shardOfSlot(16384));
  }

  @Test
  void badSettingsAreRefusedWithTheReason() {
    assertEquals("shard count must be 1 to 16384, got 0",
        assertThrows(IllegalArgumentException.class, () -> PlacementPlanner.plan(members(3), 0, 3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> PlacementPlanner.plan(members(3), 16385, 3));
    assertEquals("replication factor must be 1 to the 3 members, got 4",
        assertThrows(IllegalArgumentException.class, () -> PlacementPlanner.plan(members(3), 4, 4)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> PlacementPlanner.plan(List.of("n1", "n1"), 1, 1));
  }

  private static void checkPlan(Placement plan, int n, int shards, int factor) {
    String what = n + " nodes, " + shards + " shards, factor " + factor;
    assertEquals(shards, plan.shards().size(), what);
    int next = 0;
    Map<String, Integer> replicas = new HashMap<>();
    Map<String, Integer> leaders = new HashMap<>();
    members(n).forEach(m -> {
      replicas.put(m, 0);
      leaders.put(m, 0);
    });
    for (int i = 0; i < shards; i++) {
      ShardPlacement shard = plan.shards().get(i);
      assertEquals("s" + (i + 1), shard.shardId(), what);
      assertEquals(next, shard.slotStart(), what + ": contiguous at " + shard.shardId());
      assertTrue(shard.slotEnd() >= shard.slotStart(), what);
      int size = shard.slotEnd() - shard.slotStart() + 1;
      assertTrue(size == 16384 / shards || size == 16384 / shards + 1, what + ": equal ranges");
      next = shard.slotEnd() + 1;
      assertEquals(factor, shard.replicaNodeIds().size(), what);
      assertEquals(factor, new HashSet<>(shard.replicaNodeIds()).size(), what + ": distinct replicas");
      shard.replicaNodeIds().forEach(m -> replicas.merge(m, 1, Integer::sum));
      leaders.merge(shard.preferredLeader(), 1, Integer::sum);
    }
    assertEquals(16384, next, what + ": covers every slot");
    assertSpreadAtMostOne(replicas, what + ": replicas " + replicas);
    assertSpreadAtMostOne(leaders, what + ": preferred leaders " + leaders);
  }

  private static void assertSpreadAtMostOne(Map<String, Integer> counts, String what) {
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    assertTrue(max - min <= 1, what);
  }
}
