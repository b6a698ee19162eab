package io.slotraft.node.placement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link RebalancePlanner} decided: replica moves numbered into waves, then preferred-leader
 * moves among the replicas the moves leave.
 *
 * @param moves in wave order; within a wave, moves off draining nodes first, then off the nodes
 *     that held the most replicas
 * @param leaderMoves in slot order, to apply once every replica move is done
 * @param finalReplicas every shard, in slot order, with its replicas after all moves and leader
 *     moves, preferred leader first. Kept here because the moves alone cannot rebuild it: they
 *     name only the replicas that change. A moved preferred leader is replaced, first in the list,
 *     by the replica that took its place, unless a leader move says otherwise.
 */
public record RebalancePlan(List<ReplicaMove> moves, List<LeaderMove> leaderMoves,
    Map<String, List<String>> finalReplicas) {

  public RebalancePlan {
    moves = List.copyOf(moves);
    leaderMoves = List.copyOf(leaderMoves);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    finalReplicas.forEach((shard, replicas) -> copy.put(shard, List.copyOf(replicas)));
    finalReplicas = Collections.unmodifiableMap(copy);
  }

  /** What every move copies together. */
  public long bytesToCopy() {
    return moves.stream().mapToLong(ReplicaMove::bytes).sum();
  }

  /** Nothing to move and no leader to change: the cluster is balanced already. */
  public boolean isEmpty() {
    return moves.isEmpty() && leaderMoves.isEmpty();
  }

  /** Waves are numbered from 0 without gaps, so this is the last wave plus one. */
  public int waveCount() {
    return moves.isEmpty() ? 0 : moves.get(moves.size() - 1).wave() + 1;
  }
}
