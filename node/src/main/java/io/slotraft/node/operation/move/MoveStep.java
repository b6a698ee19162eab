package io.slotraft.node.operation.move;

/** The steps of a replica move, in order; see the package comment for what a crash between two does. */
public enum MoveStep {
  ADD_LEARNER,
  CATCH_UP,
  PROMOTE,
  HAND_OVER_LEADERSHIP,
  REMOVE_SOURCE,
  /** Only after a cancel or a failure before REMOVE_SOURCE: the target leaves the group again. */
  ROLL_BACK,
  /** Where a finished move rests. */
  DONE;

  /** Whether a cancel can still undo the move: the source has not started to leave. */
  public boolean canRollBack() {
    return ordinal() < REMOVE_SOURCE.ordinal();
  }
}
