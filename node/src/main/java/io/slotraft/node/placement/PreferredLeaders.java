package io.slotraft.node.placement;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Picks one replica of each shard as its preferred leader so that nodes prefer as evenly as the
 * replicas allow. A greedy first pass (each shard takes its replica with the fewest leaders so far)
 * can corner itself: a later shard's replicas may all be nodes that already lead their share. So a
 * second pass moves leaderships along augmenting paths: from a node with the most leaders to one
 * with the fewest, through shards that have a replica on the next node of the path. Each move
 * lowers the most by one and raises the fewest by one and leaves every node between unchanged.
 * Deterministic: nodes and shards are always visited in index order.
 */
final class PreferredLeaders {
  private PreferredLeaders() {}

  /**
   * @param holders per shard, the node indexes holding its replicas
   * @param nodeCount nodes are 0 to nodeCount - 1
   * @return per shard, the index of its preferred leader (one of its holders)
   */
  static int[] choose(List<List<Integer>> holders, int nodeCount) {
    int[] leaderOf = new int[holders.size()];
    int[] led = new int[nodeCount];
    for (int shard = 0; shard < holders.size(); shard++) {
      int best = holders.get(shard).get(0);
      for (int node : holders.get(shard)) {
        if (led[node] < led[best]) {
          best = node;
        }
      }
      leaderOf[shard] = best;
      led[best]++;
    }
    // Each successful move lowers the sum of squared counts, so this ends.
    while (moveOneLeadership(holders, leaderOf, led)) {
      // repeat until no path from a busiest node to a least busy one remains
    }
    return leaderOf;
  }

  private static boolean moveOneLeadership(List<List<Integer>> holders, int[] leaderOf, int[] led) {
    int most = Arrays.stream(led).max().orElse(0);
    int fewest = Arrays.stream(led).min().orElse(0);
    if (most - fewest <= 1) {
      return false;
    }
    for (int from = 0; from < led.length; from++) {
      if (led[from] == most && moveAlongPath(from, fewest, holders, leaderOf, led)) {
        return true;
      }
    }
    return false;
  }

  /** Breadth-first search over "a shard led by u has a replica on v"; shifts leaders along the path found. */
  private static boolean moveAlongPath(int from, int fewest, List<List<Integer>> holders, int[] leaderOf, int[] led) {
    int[] viaShard = new int[led.length];
    Arrays.fill(viaShard, -1);
    boolean[] seen = new boolean[led.length];
    seen[from] = true;
    Deque<Integer> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int shard = 0; shard < leaderOf.length; shard++) {
        if (leaderOf[shard] != node) {
          continue;
        }
        for (int next : holders.get(shard)) {
          if (seen[next]) {
            continue;
          }
          seen[next] = true;
          viaShard[next] = shard;
          if (led[next] == fewest) {
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
}
