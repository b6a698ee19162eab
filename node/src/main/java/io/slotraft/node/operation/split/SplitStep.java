package io.slotraft.node.operation.split;

/** The steps of a split, in order; see the package comment. */
public enum SplitStep {
  SPLIT,
  DONE
}
