package io.slotraft.node.operation.merge;

/** The steps of a merge, in order (ROLLBACK only when it is abandoned); see the package comment. */
public enum MergeStep {
  CO_LOCATE,
  PREPARE,
  AWAIT_FROZEN,
  COMMIT,
  ROLLBACK,
  DONE
}
