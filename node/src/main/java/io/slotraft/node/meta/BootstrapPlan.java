package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.PlacementPlanner;
import java.util.List;

/**
 * The plan a node would bootstrap meta with: its configured members and the {@link PlacementPlanner}'s
 * placement for its shard count and replication factor. Nodes started before meta existed placed
 * their shards with exactly this function, so a pre-meta cluster bootstraps meta to the layout its
 * data already has.
 */
public final class BootstrapPlan {
  private BootstrapPlan() {}

  public static ClusterTopology fromConfig(List<ClusterMember> members, int shards, int replicationFactor) {
    Placement placement = PlacementPlanner.plan(members.stream().map(ClusterMember::nodeId).toList(), shards,
        replicationFactor);
    return new ClusterTopology(1, members, placement, replicationFactor);
  }
}
