package io.slotraft.node.reconcile;

import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import java.util.List;
import java.util.Set;

/**
 * What one node must do to match meta, as a pure function: the replicas meta assigns to it (voters
 * and learners) that it does not run ({@link #toStart}), and the ones it runs that meta no longer
 * assigns ({@link #unassigned}): a move took them away, so they are stopped and set aside.
 *
 * @param toStart in slot order
 * @param unassigned shard ids, sorted
 */
public record ReplicaPlan(List<ShardPlacement> toStart, List<String> unassigned) {

  public ReplicaPlan {
    toStart = List.copyOf(toStart);
    unassigned = List.copyOf(unassigned);
  }

  public static ReplicaPlan of(Placement assigned, String nodeId, Set<String> runningShardIds) {
    List<ShardPlacement> mine = assigned.shardsRunningOn(nodeId);
    List<ShardPlacement> toStart = mine.stream().filter(s -> !runningShardIds.contains(s.shardId())).toList();
    Set<String> mineIds = Set.copyOf(mine.stream().map(ShardPlacement::shardId).toList());
    List<String> unassigned = runningShardIds.stream().filter(id -> !mineIds.contains(id)).sorted().toList();
    return new ReplicaPlan(toStart, unassigned);
  }

  public boolean isEmpty() {
    return toStart.isEmpty() && unassigned.isEmpty();
  }
}
