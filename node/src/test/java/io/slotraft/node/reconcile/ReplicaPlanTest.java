package io.slotraft.node.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.PlacementPlanner;
import io.slotraft.node.placement.ShardPlacement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reconciler's decision: assigned minus running is to start; running minus assigned is reported. */
class ReplicaPlanTest {
  private static final Placement FIVE_NODES = PlacementPlanner.plan(List.of("n1", "n2", "n3", "n4", "n5"), 12, 3);

  private static List<String> ids(List<ShardPlacement> shards) {
    return shards.stream().map(ShardPlacement::shardId).toList();
  }

  @Test
  void aNodeRunningNothingStartsEveryReplicaAssignedToIt() {
    ReplicaPlan plan = ReplicaPlan.of(FIVE_NODES, "n4", Set.of());
    assertEquals(ids(FIVE_NODES.shardsOn("n4")), ids(plan.toStart()));
    assertTrue(plan.toStart().size() == 7 || plan.toStart().size() == 8, plan.toString());
    assertEquals(List.of(), plan.unassigned());
  }

  @Test
  void onlyTheMissingReplicasAreStartedInSlotOrder() {
    List<String> mine = ids(FIVE_NODES.shardsOn("n1"));
    ReplicaPlan plan = ReplicaPlan.of(FIVE_NODES, "n1", Set.of(mine.get(0), mine.get(2)));
    List<String> expected = mine.stream().filter(id -> !id.equals(mine.get(0)) && !id.equals(mine.get(2))).toList();
    assertEquals(expected, ids(plan.toStart()));
  }

  @Test
  void aNodeRunningExactlyItsAssignmentHasNothingToDo() {
    Set<String> mine = Set.copyOf(ids(FIVE_NODES.shardsOn("n2")));
    assertTrue(ReplicaPlan.of(FIVE_NODES, "n2", mine).isEmpty());
  }

  @Test
  void replicasNoLongerAssignedAreReportedNotStarted() {
    String notMine = FIVE_NODES.shards().stream().filter(s -> !s.hasReplicaOn("n3")).findFirst().orElseThrow().shardId();
    Set<String> running = new java.util.HashSet<>(ids(FIVE_NODES.shardsOn("n3")));
    running.add(notMine);
    ReplicaPlan plan = ReplicaPlan.of(FIVE_NODES, "n3", running);
    assertEquals(List.of(), plan.toStart());
    assertEquals(List.of(notMine), plan.unassigned());
  }

  @Test
  void aNodeMetaDoesNotPlaceAnythingOnStartsNothing() {
    assertEquals(List.of(), ReplicaPlan.of(FIVE_NODES, "n9", Set.of()).toStart());
  }
}
