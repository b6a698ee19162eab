package io.slotraft.node.placement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Evens out preferred leaders from a given start, changing as few shards as it can: the rebalance
 * planner starts from the leaders its replica moves leave behind, and a cluster whose leaders are
 * already within one of each other keeps every one of them.
 *
 * <p>A leadership moves from a node {@code u} to a node {@code v} that prefers at least two fewer,
 * along the shortest path "a shard led by {@code u} has a replica on {@code x}, a shard led by
 * {@code x} has a replica on ..., {@code v}": every shard on the path passes its leadership one
 * step along, so {@code u} loses one, {@code v} gains one and every node between is unchanged.
 * Each shift lowers the sum of squared counts, so this ends. When no such path is left, no choice of
 * leaders among the same replicas has a smaller spread (the optimality condition of balanced
 * semi-matchings). Any pair two or more apart counts, not only a busiest and a least busy node: a
 * node whose replicas cannot reach the least busy node must still hand over to a reachable, less
 * busy one.
 *
 * <p>Deterministic: nodes are tried busiest first, then by index; shards in index order.
 */
final class LeaderBalance {
  private LeaderBalance() {}

  /**
   * @param holders per shard, the node indexes holding its replicas
   * @param startLeaders per shard, its preferred leader now: one of its holders
   * @return per shard, its preferred leader after balancing
   */
  static int[] balance(int[][] holders, int[] startLeaders, int nodeCount) {
    int[] leaderOf = startLeaders.clone();
    int[] led = new int[nodeCount];
    Arrays.stream(leaderOf).forEach(node -> led[node]++);
    while (shiftOne(holders, leaderOf, led)) {
      // repeat until no node can hand a leadership to one that prefers two fewer
    }
    return leaderOf;
  }

  private static boolean shiftOne(int[][] holders, int[] leaderOf, int[] led) {
    List<Integer> busiestFirst = IntStream.range(0, led.length).boxed()
        .sorted(Comparator.<Integer>comparingInt(node -> -led[node]).thenComparingInt(node -> node))
        .toList();
    List<List<Integer>> shardsLedBy = shardsLedBy(leaderOf, led.length);
    for (int from : busiestFirst) {
      if (shiftFrom(from, holders, shardsLedBy, leaderOf, led)) {
        return true;
      }
    }
    return false;
  }

  /** Breadth-first from {@code from} to the nearest node leading two fewer; shifts along the path found. */
  private static boolean shiftFrom(int from, int[][] holders, List<List<Integer>> shardsLedBy, int[] leaderOf,
      int[] led) {
    int[] viaShard = new int[led.length];
    Arrays.fill(viaShard, -1);
    boolean[] seen = new boolean[led.length];
    seen[from] = true;
    Deque<Integer> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      for (int shard : shardsLedBy.get(queue.poll())) {
        for (int next : holders[shard]) {
          if (seen[next]) {
            continue;
          }
          seen[next] = true;
          viaShard[next] = shard;
          if (led[next] <= led[from] - 2) {
            shiftAlong(next, viaShard, leaderOf, led);
            return true;
          }
          queue.add(next);
        }
      }
    }
    return false;
  }

  private static void shiftAlong(int end, int[] viaShard, int[] leaderOf, int[] led) {
    int node = end;
    while (viaShard[node] >= 0) {
      int shard = viaShard[node];
      int previous = leaderOf[shard];
      leaderOf[shard] = node;
      led[node]++;
      led[previous]--;
      node = previous;
    }
  }

  private static List<List<Integer>> shardsLedBy(int[] leaderOf, int nodeCount) {
    List<List<Integer>> led = new ArrayList<>(nodeCount);
    IntStream.range(0, nodeCount).forEach(node -> led.add(new ArrayList<>()));
    IntStream.range(0, leaderOf.length).forEach(shard -> led.get(leaderOf[shard]).add(shard));
    return led;
  }
}
