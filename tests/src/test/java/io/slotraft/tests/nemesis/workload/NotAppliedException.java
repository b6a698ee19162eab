package io.slotraft.tests.nemesis.workload;

/** The operation certainly did not take effect: recorded as {@code fail}. */
public final class NotAppliedException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotAppliedException(String why) {
    super(why, null, false, false);
  }
}
