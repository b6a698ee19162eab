package io.slotraft.node.placement;

import java.util.List;

/**
 * Picks one replica of each shard as its preferred leader so that nodes prefer as evenly as the
 * replicas allow. A greedy first pass (each shard takes its replica with the fewest leaders so far)
 * can corner itself: a later shard's replicas may all be nodes that already lead their share. So
 * {@link LeaderBalance} then evens out what the greedy pass left, along augmenting paths.
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
    int[][] holding = holders.stream().map(nodes -> nodes.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    return LeaderBalance.balance(holding, leaderOf, nodeCount);
  }
}
