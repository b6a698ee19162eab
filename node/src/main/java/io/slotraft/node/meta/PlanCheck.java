package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.ShardPlacement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a plan can be recorded: shards contiguous over slots 0 to 16383, ids unique, replicas on
 * distinct members. Meta checks at apply time, identically on every replica, so a damaged or
 * hand-made proposal is refused everywhere instead of breaking routing later.
 */
final class PlanCheck {
  static final int LAST_SLOT = 16383;

  private PlanCheck() {}

  /** Empty when the plan is usable, else what is wrong with it. */
  static Optional<String> problem(ClusterTopology plan) {
    if (plan.members().isEmpty()) {
      return Optional.of("the plan has no nodes");
    }
    Set<String> nodeIds = new HashSet<>();
    for (ClusterMember member : plan.members()) {
      if (!nodeIds.add(member.nodeId())) {
        return Optional.of("node " + member.nodeId() + " is listed twice");
      }
    }
    int nextSlot = 0;
    Set<String> shardIds = new HashSet<>();
    for (ShardPlacement shard : plan.placement().shards()) {
      if (!shardIds.add(shard.shardId())) {
        return Optional.of("shard " + shard.shardId() + " is listed twice");
      }
      if (shard.slotStart() != nextSlot || shard.slotEnd() < shard.slotStart()) {
        return Optional.of("shard " + shard.shardId() + " owns " + shard.slotStart() + "-" + shard.slotEnd()
            + " but the next range must start at " + nextSlot);
      }
      if (!nodeIds.containsAll(shard.replicaNodeIds())
          || new HashSet<>(shard.replicaNodeIds()).size() != shard.replicaNodeIds().size()) {
        return Optional.of("shard " + shard.shardId() + " has replicas on unknown or repeated nodes");
      }
      nextSlot = shard.slotEnd() + 1;
    }
    if (nextSlot != LAST_SLOT + 1) {
      return Optional.of("the shards cover slots 0-" + (nextSlot - 1) + ", not 0-" + LAST_SLOT);
    }
    return Optional.empty();
  }
}
