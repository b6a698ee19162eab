package io.slotraft.node.operation.drain;

/** The steps of a drain, in order; see the package comment. */
public enum DrainStep {
  MOVE_REPLICAS,
  MOVE_META_VOTE,
  DONE
}
