package io.slotraft.node.operation.rebalance;

/** The steps of a rebalance, in order; see the package comment. */
public enum RebalanceStep {
  PLAN,
  MOVE_REPLICAS,
  META_VOTES,
  MOVE_LEADERS,
  DONE
}
