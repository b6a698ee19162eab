package io.slotraft.node.placement;

import java.util.Comparator;
import java.util.Optional;

/**
 * The rebalance planner's last pass: evens bytes once replica counts are even, without uneven-ing
 * the counts again. Bytes are even when the heaviest and the lightest non-draining node differ by
 * at most the largest single shard; closer is not always possible (one huge shard and nothing else).
 *
 * <p>While they differ by more, the heaviest node {@code H} and the lightest {@code L} exchange
 * replicas: {@code H} gives one shard that {@code L} lacks and, unless {@code H} holds one replica
 * more than {@code L}, takes back a smaller one that it lacks, so every node keeps a count it could
 * have had before. Such an exchange always exists: {@code H}'s shards outweigh {@code L}'s, so
 * either {@code H} has a spare replica to give or some shard only {@code H} holds outweighs some
 * shard only {@code L} holds. The bytes it shifts are more than zero and at most the largest shard,
 * less than the gap, so the sum of squared node bytes falls with every exchange and the pass ends.
 * Of the exchanges possible, the one leaving the pair closest together, then the one adding the
 * fewest net moves (moving a replica back home adds none), then the first in slot order.
 */
final class ByteBalance {
  private ByteBalance() {}

  /** A shard leaving the heavy node and, if {@code taken >= 0}, one coming back from the light node. */
  private record Exchange(int given, int taken, long shiftedBytes, long gapAfter, int addedMoves) {
    static final Comparator<Exchange> BEST_FIRST = Comparator.comparingLong(Exchange::gapAfter)
        .thenComparingInt(Exchange::addedMoves)
        .thenComparingInt(Exchange::given)
        .thenComparingInt(Exchange::taken);
  }

  static void even(ReplicaLayout layout) {
    long limit = layout.largestShardBytes();
    int[] active = layout.activeNodes();
    while (true) {
      int heavy = extreme(layout, active, true);
      int light = extreme(layout, active, false);
      long gap = layout.bytes(heavy) - layout.bytes(light);
      if (gap <= limit) {
        return;
      }
      Exchange exchange = bestExchange(layout, heavy, light, gap)
          .orElseThrow(() -> new IllegalStateException("no exchange evens bytes between nodes "
              + layout.nodeId(heavy) + " and " + layout.nodeId(light) + ", which the argument above rules out"));
      layout.move(exchange.given(), heavy, light);
      if (exchange.taken() >= 0) {
        layout.move(exchange.taken(), light, heavy);
      }
    }
  }

  /** The heaviest (or lightest) node, the first in index order among equals. */
  private static int extreme(ReplicaLayout layout, int[] active, boolean heaviest) {
    int chosen = active[0];
    for (int node : active) {
      long difference = layout.bytes(node) - layout.bytes(chosen);
      if (heaviest ? difference > 0 : difference < 0) {
        chosen = node;
      }
    }
    return chosen;
  }

  private static Optional<Exchange> bestExchange(ReplicaLayout layout, int heavy, int light, long gap) {
    int[] givable = layout.shardsOn(heavy).filter(shard -> !layout.holds(shard, light)).toArray();
    int[] takable = layout.shardsOn(light).filter(shard -> !layout.holds(shard, heavy)).toArray();
    // A lone move keeps the counts even only when it swaps the two nodes' counts.
    boolean loneMoveKeepsCounts = layout.replicaCount(heavy) == layout.replicaCount(light) + 1;
    Exchange best = null;
    for (int given : givable) {
      if (loneMoveKeepsCounts) {
        best = better(best, exchange(layout, given, -1, heavy, light, gap));
      }
      for (int taken : takable) {
        best = better(best, exchange(layout, given, taken, heavy, light, gap));
      }
    }
    return Optional.ofNullable(best);
  }

  /** An exchange that shifts no bytes, or shifts them the wrong way, never counts. */
  private static Exchange better(Exchange best, Exchange candidate) {
    if (candidate.shiftedBytes() <= 0) {
      return best;
    }
    return best == null || Exchange.BEST_FIRST.compare(candidate, best) < 0 ? candidate : best;
  }

  private static Exchange exchange(ReplicaLayout layout, int given, int taken, int heavy, int light, long gap) {
    long shifted = layout.shardBytes(given) - (taken >= 0 ? layout.shardBytes(taken) : 0);
    int addedMoves = layout.addedMoves(given, heavy, light) + (taken >= 0 ? layout.addedMoves(taken, light, heavy) : 0);
    return new Exchange(given, taken, shifted, Math.abs(gap - 2 * shifted), addedMoves);
  }
}
