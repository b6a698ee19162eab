package io.slotraft.node.placement;

import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Plans shards and replicas from the ordered member list, the shard count and the replication
 * factor. A pure, deterministic function: every node given the same settings computes the same
 * plan, with no coordination.
 *
 * <p>Slots: shard {@code s<k>} (k from 1) owns the k-th of {@code shardCount} contiguous ranges, of
 * sizes differing by at most one slot. One shard is today's layout exactly: {@code s1} owning
 * 0-16383.
 *
 * <p>Replicas, shard by shard in slot order: the {@code replicationFactor} nodes holding the fewest
 * replicas so far. Choosing the least loaded every time keeps every node within one replica of
 * every other. Ties go round the ring from the shard's own position, so that equal loads rotate
 * instead of piling onto the first members.
 *
 * <p>Preferred leaders are then chosen among each shard's replicas by {@link PreferredLeaders}, so
 * that every node prefers within one leader of every other. The planner test checks both bounds
 * for every member count, shard count and factor a cluster is expected to use.
 */
public final class PlacementPlanner {
  public static final int MAX_SHARDS = SlotHash.SLOT_COUNT;

  private PlacementPlanner() {}

  /**
   * @param members node ids in the configured order; every node must pass the same order
   * @param shardCount 1 to 16384
   * @param replicationFactor replicas per shard, 1 to the member count
   */
  public static Placement plan(List<String> members, int shardCount, int replicationFactor) {
    check(members, shardCount, replicationFactor);
    int n = members.size();
    int[] load = new int[n];
    List<List<Integer>> holders = new ArrayList<>(shardCount);
    for (int shard = 0; shard < shardCount; shard++) {
      int ringStart = shard % n;
      List<Integer> chosen = IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingInt(m -> load[m]).thenComparingInt(m -> ringDistance(ringStart, m, n)))
          .limit(replicationFactor)
          .sorted(Comparator.comparingInt(m -> ringDistance(ringStart, m, n)))
          .toList();
      chosen.forEach(m -> load[m]++);
      holders.add(chosen);
    }
    int[] leaders = PreferredLeaders.choose(holders, n);
    List<ShardPlacement> shards = new ArrayList<>(shardCount);
    for (int shard = 0; shard < shardCount; shard++) {
      int leader = leaders[shard];
      List<String> replicaIds = new ArrayList<>(replicationFactor);
      replicaIds.add(members.get(leader));
      holders.get(shard).stream().filter(m -> m != leader).forEach(m -> replicaIds.add(members.get(m)));
      shards.add(new ShardPlacement(shardId(shard), slotStart(shard, shardCount), slotStart(shard + 1, shardCount) - 1,
          replicaIds));
    }
    return new Placement(shards);
  }

  /** {@code s1}, {@code s2}, ...: stable names, so a shard keeps its Raft group id and directory. */
  static String shardId(int index) {
    return "s" + (index + 1);
  }

  private static int slotStart(int shard, int shardCount) {
    return (int) ((long) shard * SlotHash.SLOT_COUNT / shardCount);
  }

  /** Steps from {@code from} to {@code to} going forward round a ring of {@code n}. */
  static int ringDistance(int from, int to, int n) {
    return Math.floorMod(to - from, n);
  }

  private static void check(List<String> members, int shardCount, int replicationFactor) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("no members to place shards on");
    }
    if (new HashSet<>(members).size() != members.size()) {
      throw new IllegalArgumentException("a member appears twice: " + members);
    }
    if (shardCount < 1 || shardCount > MAX_SHARDS) {
      throw new IllegalArgumentException("shard count must be 1 to " + MAX_SHARDS + ", got " + shardCount);
    }
    if (replicationFactor < 1 || replicationFactor > members.size()) {
      throw new IllegalArgumentException("replication factor must be 1 to the " + members.size()
          + " members, got " + replicationFactor);
    }
  }
}
