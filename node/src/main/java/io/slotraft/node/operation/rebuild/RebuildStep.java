package io.slotraft.node.operation.rebuild;

/** The steps of a rebuild, in order; see the package comment. */
public enum RebuildStep {
  REMOVE_DAMAGED,
  AWAIT_EMPTY,
  ADD_LEARNER,
  CATCH_UP,
  PROMOTE,
  DONE
}
