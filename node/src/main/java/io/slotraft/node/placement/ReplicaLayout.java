package io.slotraft.node.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The rebalance planner's working copy: every shard's replicas as node indexes, beside the replicas
 * it started with, and each node's replica count and bytes, kept in step with every move.
 *
 * <p>Nodes are indexed in member order, then the draining nodes that are not members, sorted by id.
 * Every tie the planner breaks is broken by these indexes, so the same input always gives the same
 * plan whatever the iteration order of the draining set.
 */
final class ReplicaLayout {
  private final List<String> nodeIds;
  private final boolean[] draining;
  private final List<ShardLoad> shards;
  private final int[][] original;
  private final int[][] current;
  // Per node, the shards it holds now and held at the start: O(1) lookups, iteration in slot order.
  private final BitSet[] holding;
  private final BitSet[] heldAtStart;
  // Per shard, how many of its replicas are on nodes that did not hold it at the start.
  private final int[] gainedReplicas;
  private final int[] originalCounts;
  private final int[] counts;
  private final long[] bytes;

  private ReplicaLayout(List<String> nodeIds, Set<String> drainingIds, List<ShardLoad> shards) {
    this.nodeIds = List.copyOf(nodeIds);
    this.shards = List.copyOf(shards);
    Map<String, Integer> indexOf = new HashMap<>();
    draining = new boolean[nodeIds.size()];
    for (int node = 0; node < nodeIds.size(); node++) {
      indexOf.put(nodeIds.get(node), node);
      draining[node] = drainingIds.contains(nodeIds.get(node));
    }
    original = new int[shards.size()][];
    current = new int[shards.size()][];
    holding = new BitSet[nodeIds.size()];
    heldAtStart = new BitSet[nodeIds.size()];
    gainedReplicas = new int[shards.size()];
    counts = new int[nodeIds.size()];
    bytes = new long[nodeIds.size()];
    for (int node = 0; node < nodeIds.size(); node++) {
      holding[node] = new BitSet(shards.size());
      heldAtStart[node] = new BitSet(shards.size());
    }
    for (int shard = 0; shard < shards.size(); shard++) {
      original[shard] = shards.get(shard).replicas().stream().mapToInt(indexOf::get).toArray();
      current[shard] = original[shard].clone();
      for (int node : original[shard]) {
        holding[node].set(shard);
        heldAtStart[node].set(shard);
        counts[node]++;
        bytes[node] += shards.get(shard).bytes();
      }
    }
    originalCounts = counts.clone();
  }

  /** Expects checked input: every replica on one of {@code members} or {@code drainingIds}. */
  static ReplicaLayout of(List<String> members, Set<String> drainingIds, List<ShardLoad> shards) {
    List<String> nodeIds = new ArrayList<>(members);
    drainingIds.stream().filter(id -> !members.contains(id)).sorted().forEach(nodeIds::add);
    return new ReplicaLayout(nodeIds, drainingIds, shards);
  }

  int nodeCount() {
    return nodeIds.size();
  }

  String nodeId(int node) {
    return nodeIds.get(node);
  }

  boolean isDraining(int node) {
    return draining[node];
  }

  /** The nodes that keep and receive replicas, in index order. */
  int[] activeNodes() {
    return IntStream.range(0, nodeIds.size()).filter(node -> !draining[node]).toArray();
  }

  int shardCount() {
    return shards.size();
  }

  ShardLoad shard(int shard) {
    return shards.get(shard);
  }

  long shardBytes(int shard) {
    return shards.get(shard).bytes();
  }

  long largestShardBytes() {
    return shards.stream().mapToLong(ShardLoad::bytes).max().orElse(0);
  }

  int replicaCount(int node) {
    return counts[node];
  }

  int originalReplicaCount(int node) {
    return originalCounts[node];
  }

  long bytes(int node) {
    return bytes[node];
  }

  /** The bytes of every replica over their number: a node's fair share is this times its replica count. */
  double bytesPerReplica() {
    long replicas = Arrays.stream(counts).sum();
    long total = Arrays.stream(bytes).sum();
    return replicas == 0 ? 0 : (double) total / replicas;
  }

  boolean holds(int shard, int node) {
    return holding[node].get(shard);
  }

  boolean heldOriginally(int shard, int node) {
    return heldAtStart[node].get(shard);
  }

  /** Whether any replica of the shard is now on a node that did not hold it at the start. */
  boolean hasMoved(int shard) {
    return gainedReplicas[shard] > 0;
  }

  /** The shards with a replica on {@code node}, in slot order. */
  IntStream shardsOn(int node) {
    return holding[node].stream();
  }

  void move(int shard, int from, int to) {
    int[] replicas = current[shard];
    for (int i = 0; i < replicas.length; i++) {
      if (replicas[i] == from) {
        replicas[i] = to;
        holding[from].clear(shard);
        holding[to].set(shard);
        gainedReplicas[shard] += (heldOriginally(shard, from) ? 0 : -1) + (heldOriginally(shard, to) ? 0 : 1);
        counts[from]--;
        counts[to]++;
        bytes[from] -= shardBytes(shard);
        bytes[to] += shardBytes(shard);
        return;
      }
    }
    throw new IllegalStateException("shard " + shard + " has no replica on node " + from);
  }

  /**
   * How moving the shard's replica from one node to the other changes the plan's net move count:
   * 1 for a replica that has not moved yet, 0 for one this plan moved in, -1 for one going home.
   */
  int addedMoves(int shard, int from, int to) {
    return (heldOriginally(shard, from) ? 1 : 0) - (heldOriginally(shard, to) ? 1 : 0);
  }

  int[] currentOrder(int shard) {
    return current[shard].clone();
  }

  int[] originalOrder(int shard) {
    return original[shard].clone();
  }

  /**
   * The shard's replicas now, each in the place of the replica it replaces: a node that still holds
   * the shard keeps its original position and the nodes that gained it fill the positions of those
   * that lost it. Compared with {@link #originalOrder} position by position, this gives the net
   * moves, so a replica moved on paper there and back, or on twice, costs at most one real move.
   */
  int[] finalOrder(int shard) {
    int[] order = original[shard].clone();
    int[] gained = Arrays.stream(current[shard]).filter(node -> !heldOriginally(shard, node)).toArray();
    int next = 0;
    for (int i = 0; i < order.length; i++) {
      if (!holds(shard, order[i])) {
        order[i] = gained[next++];
      }
    }
    return order;
  }
}
