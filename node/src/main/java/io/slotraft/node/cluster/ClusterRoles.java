package io.slotraft.node.cluster;

import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterView} mapped onto Redis Cluster's roles, which the CLUSTER replies need.
 *
 * <p>Per shard: its leader is the master and its other replicas are the master's replicas; a
 * shard whose leader is not known yet takes its first replica as master, so that clients still
 * see every slot covered (a command sent there gets TRYAGAIN or MOVED, never a wrong answer).
 *
 * <p>Per node, where Redis allows one role only: a node that is master of any shard is a master
 * serving those shards' slots. A node that is master of none is a replica only when every shard it
 * holds has the same master, because then it really is that master's replica in Redis's sense
 * (with one shard, every follower). Any other node (its shards led by several masters, or it holds
 * none) is a master without slots: redis-cli --cluster, redis-benchmark and Lettuce accept that,
 * and it does not claim a copy of another master's slots that it does not hold.
 */
final class ClusterRoles {
  /** One shard with its master and the rest of its replicas, all of them known members. */
  record ShardRoles(ShardView shard, ClusterMember master, List<ClusterMember> replicas) {}

  private final ClusterView view;
  private final List<ShardRoles> shards;

  private ClusterRoles(ClusterView view, List<ShardRoles> shards) {
    this.view = view;
    this.shards = shards;
  }

  static ClusterRoles of(ClusterView view) {
    List<ShardRoles> shards = new ArrayList<>();
    view.shards().stream().sorted(Comparator.comparingInt(ShardView::slotStart)).forEach(shard -> {
      List<ClusterMember> holders = shard.replicaNodeIds().stream()
          .map(view::member).flatMap(Optional::stream).toList();
      Optional<ClusterMember> leader =
          shard.leaderNodeId() == null ? Optional.empty() : view.member(shard.leaderNodeId());
      ClusterMember master = leader.orElse(holders.isEmpty() ? null : holders.get(0));
      if (master != null) {
        List<ClusterMember> replicas = holders.stream().filter(m -> !m.nodeId().equals(master.nodeId())).toList();
        shards.add(new ShardRoles(shard, master, replicas));
      }
    });
    return new ClusterRoles(view, List.copyOf(shards));
  }

  ClusterView view() {
    return view;
  }

  /** The shards that have a known member to serve them, by first slot. */
  List<ShardRoles> shards() {
    return shards;
  }

  boolean isMaster(ClusterMember member) {
    return masterOf(member).isEmpty();
  }

  /** The master a replica node replicates; empty for a master (see the class comment). */
  Optional<ClusterMember> masterOf(ClusterMember member) {
    if (shards.stream().anyMatch(s -> s.master().nodeId().equals(member.nodeId()))) {
      return Optional.empty();
    }
    List<ClusterMember> masters = shards.stream()
        .filter(s -> s.replicas().stream().anyMatch(r -> r.nodeId().equals(member.nodeId())))
        .map(ShardRoles::master).distinct().toList();
    return masters.size() == 1 ? Optional.of(masters.get(0)) : Optional.empty();
  }

  /** The slot ranges a master serves, adjacent ranges joined, as {start, end} pairs. */
  List<int[]> slotRanges(ClusterMember member) {
    List<int[]> ranges = new ArrayList<>();
    for (ShardRoles roles : shards) {
      if (!roles.master().nodeId().equals(member.nodeId())) {
        continue;
      }
      int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last[1] + 1 == roles.shard().slotStart()) {
        last[1] = roles.shard().slotEnd();
      } else {
        ranges.add(new int[] {roles.shard().slotStart(), roles.shard().slotEnd()});
      }
    }
    return ranges;
  }

  /** Masters serving at least one slot: Redis's cluster_size. */
  int servingMasterCount() {
    Map<String, ClusterMember> masters = new LinkedHashMap<>();
    shards.forEach(s -> masters.put(s.master().nodeId(), s.master()));
    return masters.size();
  }

  /** Slots whose shard has a known leader: the only ones served now (the rest answer TRYAGAIN). */
  int slotsWithLeader() {
    return shards.stream().filter(s -> s.shard().leaderNodeId() != null)
        .mapToInt(s -> s.shard().slotEnd() - s.shard().slotStart() + 1).sum();
  }

  /** How many slots a served shard owns: Redis's cluster_slots_assigned. */
  int assignedSlots() {
    boolean[] assigned = new boolean[SlotHash.SLOT_COUNT];
    int count = 0;
    for (ShardView shard : shards.stream().map(ShardRoles::shard).toList()) {
      for (int slot = Math.max(0, shard.slotStart()); slot <= Math.min(assigned.length - 1, shard.slotEnd()); slot++) {
        if (!assigned[slot]) {
          assigned[slot] = true;
          count++;
        }
      }
    }
    return count;
  }
}
