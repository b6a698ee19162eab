package io.slotraft.tests.nemesis;

import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.NodeAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which reshaping comes next, drawn from the churn's random against meta's plan as last read. Of
 * fourteen: five are moves of a random shard's random voter (up or down: a source that is down does
 * not block a move) to a member that holds no replica of the shard and is not draining; two are
 * rebalances, which even out what the moves unbalanced; two are moves cancelled a moment after they
 * started (most roll back); one is a drain cancelled a moment after it started, of a node that holds
 * enough for the drain to take a while, and never while a node is draining already (a drain that
 * ended before its cancel leaves its node draining for good); two are splits of a random shard where
 * its keys halve, while the cluster has fewer than {@link #MAX_SHARDS}; two are merges of a random
 * shard and the next one (each co-locating their replicas first when they differ), one of them
 * cancelled a moment after it started, while the cluster has more than {@link #MIN_SHARDS}. When no
 * move is possible, a rebalance.
 */
final class ReshapeChoices {
  /** Splits stop here: each shard is a Raft group on every node, and the run is short. */
  static final int MAX_SHARDS = 10;
  /** Merges stop here. */
  static final int MIN_SHARDS = 2;

  private ReshapeChoices() {}

  static ReshapeAction next(ClusterPlan plan, Random random) {
    Map<String, String> names = plan.getNodesList().stream()
        .collect(Collectors.toMap(NodeAddress::getNodeId, NodeAddress::getName));
    Set<String> draining = new HashSet<>(plan.getDrainingNodeIdsList());
    int dice = random.nextInt(14);
    if (dice >= 12 && plan.getShardsCount() > MIN_SHARDS) {
      int first = random.nextInt(plan.getShardsCount() - 1);
      String target = plan.getShards(first).getShardId();
      String source = plan.getShards(first + 1).getShardId();
      return dice == 12 ? ReshapeAction.merge(target, source)
          : ReshapeAction.mergeThenCancel(target, source, 100 + random.nextInt(2_900));
    }
    List<MetaShard> splittable = plan.getShardsList().stream().filter(s -> s.getSlotEnd() > s.getSlotStart()).toList();
    if (dice >= 10 && plan.getShardsCount() < MAX_SHARDS && !splittable.isEmpty()) {
      return ReshapeAction.split(splittable.get(random.nextInt(splittable.size())).getShardId());
    }
    List<NodeAddress> drainable = drainable(plan);
    if (dice == 9 && draining.isEmpty() && !drainable.isEmpty()) {
      NodeAddress node = drainable.get(random.nextInt(drainable.size()));
      return ReshapeAction.drainThenCancel(node.getName(), 300 + random.nextInt(2_700));
    }
    if (dice == 5 || dice == 6) {
      return ReshapeAction.rebalance();
    }
    List<MetaShard> movable = plan.getShardsList().stream().filter(s -> !targets(plan, s, draining).isEmpty())
        .toList();
    if (movable.isEmpty()) {
      return ReshapeAction.rebalance();
    }
    MetaShard shard = movable.get(random.nextInt(movable.size()));
    String from = shard.getReplicaNodeIds(random.nextInt(shard.getReplicaNodeIdsCount()));
    List<String> targets = targets(plan, shard, draining);
    String to = targets.get(random.nextInt(targets.size()));
    if (dice == 7 || dice == 8) {
      return ReshapeAction.moveThenCancel(shard.getShardId(), names.get(from), names.get(to), 100 + random.nextInt(2_900));
    }
    return ReshapeAction.move(shard.getShardId(), names.get(from), names.get(to));
  }

  /**
   * Members holding at least a replication factor of voter replicas: a drain of one takes a few moves,
   * so its cancel can land in time. A drain of a node that holds little ends at once, and its node
   * then stays draining for good, which leaves this many nodes and shards nowhere to move.
   */
  private static List<NodeAddress> drainable(ClusterPlan plan) {
    return plan.getNodesList().stream().filter(node -> plan.getShardsList().stream()
        .filter(s -> s.getReplicaNodeIdsList().contains(node.getNodeId())).count() >= plan.getReplicationFactor())
        .toList();
  }

  /** Members that may take a replica of {@code shard}: none of it (voter or learner), not draining. */
  private static List<String> targets(ClusterPlan plan, MetaShard shard, Set<String> draining) {
    List<String> targets = new ArrayList<>();
    for (NodeAddress node : plan.getNodesList()) {
      String id = node.getNodeId();
      if (!shard.getReplicaNodeIdsList().contains(id) && !shard.getLearnerNodeIdsList().contains(id)
          && !draining.contains(id)) {
        targets.add(id);
      }
    }
    return targets;
  }
}
