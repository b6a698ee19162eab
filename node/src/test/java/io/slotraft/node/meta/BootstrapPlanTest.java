package io.slotraft.node.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.PlacementPlanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster whose data was written before meta existed bootstraps meta to the very placement its
 * nodes computed on their own; and a node whose settings differ from meta's learns how.
 */
class BootstrapPlanTest {

  @Test
  void theBootstrapPlanIsThePlacementEveryPreMetaNodeComputed() {
    for (int nodes : new int[] {1, 3, 5}) {
      for (int shards : new int[] {1, 12}) {
        List<ClusterMember> members = MetaStateMachineTest.members(nodes);
        int factor = Math.min(3, nodes);
        ClusterTopology plan = BootstrapPlan.fromConfig(members, shards, factor);
        assertEquals(PlacementPlanner.plan(members.stream().map(ClusterMember::nodeId).toList(), shards, factor),
            plan.placement());
        assertEquals(members, plan.members());
        assertEquals(1, plan.epoch());
      }
    }
  }

  @Test
  void aMatchingConfigurationHasNoDifferences() {
    assertEquals(List.of(), ConfigAgreement.differences(MetaStateMachineTest.plan(3, 12), MetaStateMachineTest.plan(3, 12)));
  }

  @Test
  void anotherShardCountIsReported() {
    List<String> differences = ConfigAgreement.differences(MetaStateMachineTest.plan(3, 12),
        MetaStateMachineTest.plan(3, 4));
    assertEquals(List.of("shards: meta has 12, configured 4"), differences);
  }

  @Test
  void otherMembersAreReportedByName() {
    List<String> differences = ConfigAgreement.differences(MetaStateMachineTest.plan(3, 12),
        MetaStateMachineTest.plan(5, 12));
    assertTrue(differences.get(0).startsWith("members: meta has [n1, n2, n3], configured [n1, n2, n3, n4, n5]"),
        differences.toString());
  }
}
