package io.slotraft.tests.nemesis.workload;

/** The operation may or may not have taken effect, now or later: recorded as {@code info}. */
public final class IndeterminateException extends Exception {
  private static final long serialVersionUID = 1L;

  public IndeterminateException(String why) {
    super(why, null, false, false);
  }
}
