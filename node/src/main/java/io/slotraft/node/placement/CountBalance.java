package io.slotraft.node.placement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The rebalance planner's first pass: empties the draining nodes and brings every other node within
 * one replica of every other, in as few net moves as it can find.
 *
 * <p>It shifts one replica at a time from a source to a sink: first from each draining node (in
 * index order) until it is empty, then from a busiest node, while it holds two more than an idlest
 * one. The sink is an idlest node, so a node that receives never has to give back: with no shard
 * in the way (a node joining empty, say) every shift is a replica that had to move and the count of
 * moves is the least that evens the counts.
 *
 * <p>What a shift costs is the change in net moves (see {@link ReplicaLayout#finalOrder}): moving a
 * replica that this plan already moved costs nothing, it just lands elsewhere. So a shift is, in this
 * order of preference: a direct move of such a replica to the sink; a chain of such moves
 * (source to {@code a}, {@code a} to {@code b}, ..., to the sink, each node on the way giving one and
 * receiving one); a direct move of a replica that has not moved; a chain starting with one. The
 * chains are what keep a drain at its minimum when the idlest node already holds every shard the
 * draining node has left: an earlier drained replica makes room by moving on. Only a draining node
 * with no chain to the sink at all sends its replica to the idlest node that can take it instead,
 * which may cost a move later. (A busiest node always has a direct move: it holds more shards than
 * the idlest, so at least one the idlest lacks.)
 *
 * <p>Among direct moves: the one that does not make a second replica of a shard move (so a shard
 * moves twice only when it must), then the one leaving both nodes' bytes nearest their fair share,
 * then slot order. Chains are shortest first, then by node and shard index.
 */
final class CountBalance {
  private CountBalance() {}

  /** One step of a chain: the replica of {@code shard} on {@code from} goes to {@code to}. */
  private record Hop(int shard, int from, int to) {}

  static void even(ReplicaLayout layout) {
    int[] active = layout.activeNodes();
    double fairBytesPerReplica = layout.bytesPerReplica();
    for (int node = 0; node < layout.nodeCount(); node++) {
      while (layout.isDraining(node) && layout.replicaCount(node) > 0) {
        shift(layout, node, idlest(layout, active), fairBytesPerReplica);
      }
    }
    while (true) {
      int source = busiest(layout, active);
      int sink = idlest(layout, active);
      if (layout.replicaCount(source) - layout.replicaCount(sink) <= 1) {
        return;
      }
      shift(layout, source, sink, fairBytesPerReplica);
    }
  }

  private static void shift(ReplicaLayout layout, int source, int sink, double fairBytesPerReplica) {
    Optional<Integer> direct = bestDirectMove(layout, source, sink, fairBytesPerReplica);
    if (direct.isPresent() && layout.addedMoves(direct.get(), source, sink) <= 0) {
      layout.move(direct.get(), source, sink);
      return;
    }
    // A free chain starts with a replica the source gained in this plan; most sources have none.
    boolean sourceGained = layout.shardsOn(source).anyMatch(shard -> !layout.heldOriginally(shard, source));
    Optional<List<Hop>> chain = sourceGained ? chain(layout, source, sink, false) : Optional.empty();
    if (chain.isEmpty() && direct.isPresent()) {
      layout.move(direct.get(), source, sink);
      return;
    }
    chain = chain.isPresent() ? chain : chain(layout, source, sink, true);
    if (chain.isPresent()) {
      chain.get().forEach(hop -> layout.move(hop.shard(), hop.from(), hop.to()));
      return;
    }
    moveToIdlestTaker(layout, source);
  }

  /** A shard the source could give the sink, with what it would cost, best first by these fields in order. */
  private record DirectMove(int shard, int addedMoves, boolean movesShardAgain, double misfit) {
    static final Comparator<DirectMove> BEST_FIRST = Comparator.comparingInt(DirectMove::addedMoves)
        .thenComparing(DirectMove::movesShardAgain)
        .thenComparingDouble(DirectMove::misfit)
        .thenComparingInt(DirectMove::shard);
  }

  private static Optional<Integer> bestDirectMove(ReplicaLayout layout, int source, int sink,
      double fairBytesPerReplica) {
    // A loop rather than a stream's min: each candidate's costs are worked out once, not per comparison.
    DirectMove best = null;
    for (int shard : layout.shardsOn(source).filter(shard -> !layout.holds(shard, sink)).toArray()) {
      int addedMoves = layout.addedMoves(shard, source, sink);
      DirectMove candidate = new DirectMove(shard, addedMoves, addedMoves > 0 && layout.hasMoved(shard),
          misfit(layout, shard, source, sink, fairBytesPerReplica));
      if (best == null || DirectMove.BEST_FIRST.compare(candidate, best) < 0) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best).map(DirectMove::shard);
  }

  /**
   * How far both nodes' bytes would be from their fair share (replicas times bytes per replica) after
   * the move. A draining node's share is nothing whichever replica leaves first, so only the sink counts.
   */
  private static double misfit(ReplicaLayout layout, int shard, int from, int to, double fairBytesPerReplica) {
    double fromOff = layout.isDraining(from) ? 0
        : layout.bytes(from) - layout.shardBytes(shard) - (layout.replicaCount(from) - 1) * fairBytesPerReplica;
    double toOff = layout.bytes(to) + layout.shardBytes(shard) - (layout.replicaCount(to) + 1) * fairBytesPerReplica;
    return fromOff * fromOff + toOff * toOff;
  }

  /**
   * The shortest chain from source to sink, breadth first. Every hop moves a replica this plan already
   * moved, except that with {@code sourceMayMoveAny} the first hop may move any replica of the source.
   * A chain enters each node once, so its hops can be applied in order: each target lacks its shard.
   */
  private static Optional<List<Hop>> chain(ReplicaLayout layout, int source, int sink, boolean sourceMayMoveAny) {
    List<List<Integer>> movable = movableShards(layout, source, sourceMayMoveAny);
    int[] active = layout.activeNodes();
    Hop[] reachedBy = new Hop[layout.nodeCount()];
    boolean[] seen = new boolean[layout.nodeCount()];
    seen[source] = true;
    Deque<Integer> queue = new ArrayDeque<>(List.of(source));
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int shard : movable.get(node)) {
        for (int next : active) {
          if (seen[next] || layout.holds(shard, next)) {
            continue;
          }
          seen[next] = true;
          reachedBy[next] = new Hop(shard, node, next);
          if (next == sink) {
            return Optional.of(hopsTo(sink, reachedBy));
          }
          queue.add(next);
        }
      }
    }
    return Optional.empty();
  }

  /** Per node, the shards whose replica there this plan moved in (all the source's, if it may move any). */
  private static List<List<Integer>> movableShards(ReplicaLayout layout, int source, boolean sourceMayMoveAny) {
    List<List<Integer>> movable = new ArrayList<>(layout.nodeCount());
    IntStream.range(0, layout.nodeCount()).forEach(node -> movable.add(new ArrayList<>()));
    for (int shard = 0; shard < layout.shardCount(); shard++) {
      for (int node : layout.currentOrder(shard)) {
        if (!layout.heldOriginally(shard, node) || node == source && sourceMayMoveAny) {
          movable.get(node).add(shard);
        }
      }
    }
    return movable;
  }

  private static List<Hop> hopsTo(int sink, Hop[] reachedBy) {
    List<Hop> hops = new ArrayList<>();
    for (Hop hop = reachedBy[sink]; hop != null; hop = reachedBy[hop.from()]) {
      hops.add(0, hop);
    }
    return hops;
  }

  /** The last resort for a draining node: its largest replica to the idlest node that lacks it. */
  private static void moveToIdlestTaker(ReplicaLayout layout, int source) {
    int[] active = layout.activeNodes();
    int shard = layout.shardsOn(source).boxed()
        .min(Comparator.<Integer>comparingLong(s -> -layout.shardBytes(s)).thenComparingInt(s -> s)).orElseThrow();
    // There is a taker: the planner checked every factor against the nodes that stay.
    int to = Arrays.stream(active).filter(node -> !layout.holds(shard, node)).boxed()
        .min(byFewestReplicas(layout)).orElseThrow();
    layout.move(shard, source, to);
  }

  private static int idlest(ReplicaLayout layout, int[] active) {
    return Arrays.stream(active).boxed().min(byFewestReplicas(layout)).orElseThrow();
  }

  private static int busiest(ReplicaLayout layout, int[] active) {
    return Arrays.stream(active).boxed().min(Comparator.<Integer>comparingInt(node -> -layout.replicaCount(node))
        .thenComparingLong(node -> -layout.bytes(node)).thenComparingInt(node -> node)).orElseThrow();
  }

  private static Comparator<Integer> byFewestReplicas(ReplicaLayout layout) {
    return Comparator.<Integer>comparingInt(layout::replicaCount).thenComparingLong(layout::bytes)
        .thenComparingInt(node -> node);
  }
}
