package io.slotraft.node.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Plans which replicas move where when nodes join or are drained: a pure, deterministic function of
 * the member list, the draining set and the shards, so a plan can be shown to the operator, checked,
 * and computed again to the same answer.
 *
 * <p>Two passes over a working copy ({@link ReplicaLayout}): {@link CountBalance} empties the
 * draining nodes and evens the replica counts, then {@link ByteBalance} evens the bytes without
 * uneven-ing the counts again.
 *
 * <p>The moves are the difference between the first and the last layout, replica by replica, so a
 * replica moved on paper and moved again costs one real move, or none if it came home. They are
 * ordered off draining nodes first, then off the nodes that held most, and numbered into waves
 * ({@link #numberWaves}). Preferred leaders are then balanced on the final replicas by
 * {@link LeaderBalance}, starting from the original leaders, each moved one replaced by the node
 * its replica went to.
 */
public final class RebalancePlanner {
  private RebalancePlanner() {}

  /**
   * @param nodes every active node id, in member order (ties are broken by this order, so the result
   *     is deterministic)
   * @param draining node ids (a subset of, or in addition to, {@code nodes}) that must end with no
   *     replicas and receive none
   * @param shards every shard, in slot order
   * @param maxConcurrentMoves at least 1: at most this many moves per wave
   * @throws IllegalArgumentException if the input cannot be planned, with the reason to show the operator
   */
  public static RebalancePlan plan(List<String> nodes, Set<String> draining, List<ShardLoad> shards,
      int maxConcurrentMoves) {
    check(nodes, draining, shards, maxConcurrentMoves);
    ReplicaLayout layout = ReplicaLayout.of(nodes, draining, shards);
    CountBalance.even(layout);
    ByteBalance.even(layout);
    return toPlan(layout, maxConcurrentMoves);
  }

  private static RebalancePlan toPlan(ReplicaLayout layout, int maxConcurrentMoves) {
    int[][] finalOrder = IntStream.range(0, layout.shardCount()).mapToObj(layout::finalOrder).toArray(int[][]::new);
    List<int[]> moves = new ArrayList<>();
    for (int shard = 0; shard < layout.shardCount(); shard++) {
      int[] originalOrder = layout.originalOrder(shard);
      for (int i = 0; i < originalOrder.length; i++) {
        if (originalOrder[i] != finalOrder[shard][i]) {
          moves.add(new int[] {shard, originalOrder[i], finalOrder[shard][i]});
        }
      }
    }
    // Off draining nodes first, then off the nodes that held the most.
    moves.sort(Comparator.<int[]>comparingInt(move -> layout.isDraining(move[1]) ? 0 : 1)
        .thenComparingInt(move -> -layout.originalReplicaCount(move[1]))
        .thenComparingInt(move -> move[1])
        .thenComparingInt(move -> move[0]));
    int[] waves = numberWaves(moves.stream().map(move -> move[0]).toList(), maxConcurrentMoves);
    List<ReplicaMove> numbered = new ArrayList<>(moves.size());
    for (int i = 0; i < moves.size(); i++) {
      int[] move = moves.get(i);
      numbered.add(new ReplicaMove(layout.shard(move[0]).shardId(), layout.nodeId(move[1]), layout.nodeId(move[2]),
          layout.shardBytes(move[0]), waves[i]));
    }
    numbered.sort(Comparator.comparingInt(ReplicaMove::wave)); // stable: the order above within each wave
    return withLeaders(layout, finalOrder, numbered);
  }

  /**
   * First fit, in the order given: each move takes the earliest wave after its shard's previous move
   * that still has room. A wave is only opened when every earlier one is full or holds the shard, so
   * waves are numbered from 0 without gaps.
   */
  static int[] numberWaves(List<Integer> shardOfMove, int maxPerWave) {
    int[] wave = new int[shardOfMove.size()];
    List<Integer> waveSizes = new ArrayList<>();
    Map<Integer, Integer> lastWaveOfShard = new HashMap<>();
    for (int i = 0; i < shardOfMove.size(); i++) {
      int w = lastWaveOfShard.getOrDefault(shardOfMove.get(i), -1) + 1;
      while (w < waveSizes.size() && waveSizes.get(w) == maxPerWave) {
        w++;
      }
      if (w == waveSizes.size()) {
        waveSizes.add(0);
      }
      waveSizes.set(w, waveSizes.get(w) + 1);
      lastWaveOfShard.put(shardOfMove.get(i), w);
      wave[i] = w;
    }
    return wave;
  }

  private static RebalancePlan withLeaders(ReplicaLayout layout, int[][] finalOrder, List<ReplicaMove> moves) {
    // Position 0 holds the original preferred leader, or the node its replica moved to.
    int[] inherited = Arrays.stream(finalOrder).mapToInt(order -> order[0]).toArray();
    int[] leaders = LeaderBalance.balance(finalOrder, inherited, layout.nodeCount());
    List<LeaderMove> leaderMoves = new ArrayList<>();
    Map<String, List<String>> finalReplicas = new LinkedHashMap<>();
    for (int shard = 0; shard < layout.shardCount(); shard++) {
      String shardId = layout.shard(shard).shardId();
      if (leaders[shard] != inherited[shard]) {
        leaderMoves.add(new LeaderMove(shardId, layout.nodeId(inherited[shard]), layout.nodeId(leaders[shard])));
      }
      int leader = leaders[shard];
      List<String> replicas = new ArrayList<>();
      replicas.add(layout.nodeId(leader));
      Arrays.stream(finalOrder[shard]).filter(node -> node != leader).forEach(node -> replicas.add(layout.nodeId(node)));
      finalReplicas.put(shardId, replicas);
    }
    return new RebalancePlan(moves, leaderMoves, finalReplicas);
  }

  private static void check(List<String> nodes, Set<String> draining, List<ShardLoad> shards, int maxConcurrentMoves) {
    if (maxConcurrentMoves < 1) {
      throw new IllegalArgumentException("at least one move must be allowed at a time, got " + maxConcurrentMoves);
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no active nodes to place replicas on");
    }
    Set<String> known = new HashSet<>();
    for (String node : nodes) {
      if (!known.add(node)) {
        throw new IllegalArgumentException("node " + node + " is listed twice");
      }
    }
    known.addAll(draining);
    long staying = nodes.stream().filter(node -> !draining.contains(node)).count();
    if (staying == 0) {
      throw new IllegalArgumentException("every node is draining: none would be left to hold the replicas");
    }
    Set<String> shardIds = new HashSet<>();
    for (ShardLoad shard : shards) {
      if (!shardIds.add(shard.shardId())) {
        throw new IllegalArgumentException("shard " + shard.shardId() + " is listed twice");
      }
      for (String replica : shard.replicas()) {
        if (!known.contains(replica)) {
          throw new IllegalArgumentException("shard " + shard.shardId() + " has a replica on " + replica
              + ", which is neither an active nor a draining node");
        }
      }
      if (shard.replicas().size() > staying) {
        throw new IllegalArgumentException("shard " + shard.shardId() + " has " + shard.replicas().size()
            + " replicas but only " + staying + " nodes would be left after draining: add nodes or drain fewer");
      }
    }
  }
}
