package io.slotraft.tests.nemesis;

/** When one fault was in force, on the history's clock (nanoseconds since the run started), and how the cluster recovered after it. */
public record FaultWindow(String fault, long beginNanos, long endNanos, Recovery recovery) {

  public boolean contains(long nanos) {
    return nanos >= beginNanos && nanos <= endNanos;
  }
}
