package io.slotraft.node.operation.rebalance;

import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.OperationKind;
import io.slotraft.proto.v1.OperationSpec;
import java.util.Optional;

/**
 * What meta records of a rebalance: one at a time, and not while a drain runs (both would move the
 * same replicas); its start and steps change no topology themselves (its moves and leader changes
 * do, as their own operations and commands), so it raises no epoch.
 */
public final class RebalanceKind implements OperationKind {
  public static final RebalanceKind INSTANCE = new RebalanceKind();

  private RebalanceKind() {}

  @Override
  public Optional<String> refusal(MetaState state, OperationSpec spec) {
    if (spec.getRebalance().getMaxConcurrentMoves() < 1) {
      return Optional.of("max concurrent moves must be at least 1");
    }
    return state.runningOperations().stream()
        .filter(op -> op.getSpec().hasRebalance() || op.getSpec().hasDrainNode())
        .findFirst()
        .map(op -> "operation " + op.getId() + " (" + (op.getSpec().hasRebalance() ? "a rebalance" : "a drain")
            + ") is running; wait for it or cancel it");
  }

  @Override
  public String firstStep(OperationSpec spec) {
    return RebalanceStep.PLAN.name();
  }

  @Override
  public boolean names(OperationSpec spec, String nodeId) {
    return spec.getRebalance().getMovesList().stream()
        .anyMatch(move -> move.getFromNodeId().equals(nodeId) || move.getToNodeId().equals(nodeId));
  }

  @Override
  public String describe(OperationSpec spec, ClusterTopology topology) {
    return spec.getRebalance().getPlanned()
        ? "rebalance (" + spec.getRebalance().getMovesCount() + " moves, " + spec.getRebalance().getLeaderMovesCount()
            + " leader moves)"
        : "rebalance";
  }
}
