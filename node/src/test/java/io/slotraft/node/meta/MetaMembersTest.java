package io.slotraft.node.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.cluster.ClusterMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta lives on the first 3 configured members, or the first 5 once there are 5 or more. */
class MetaMembersTest {

  @Test
  void membersByClusterSize() {
    int[][] sizes = {{1, 1}, {2, 2}, {3, 3}, {4, 3}, {5, 5}, {6, 5}, {9, 5}};
    for (int[] size : sizes) {
      List<ClusterMember> all = MetaStateMachineTest.members(size[0]);
      assertEquals(all.subList(0, size[1]), MetaMembers.of(all), size[0] + " members");
    }
  }

  @Test
  void includesFollowsTheConfiguredOrder() {
    List<ClusterMember> four = MetaStateMachineTest.members(4);
    assertTrue(MetaMembers.includes(four, four.get(2).nodeId()));
    assertFalse(MetaMembers.includes(four, four.get(3).nodeId()));
  }
}
