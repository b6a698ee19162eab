package io.slotraft.tests.nemesis;

import java.util.ArrayList;
import java.util.List;

/**
 * The fault schedule as it actually happened, one line per event with the seconds since the run
 * started ("12.034s kill n2"): what {@code RunRecord} keeps, and what the test prints as it goes.
 */
public final class FaultLog {
  private final long originNanos;
  private final String scenario;
  private final List<String> lines = new ArrayList<>();

  public FaultLog(String scenario, long originNanos) {
    this.scenario = scenario;
    this.originNanos = originNanos;
  }

  public synchronized void note(String what) {
    String line = String.format("%.3fs %s", (System.nanoTime() - originNanos) / 1e9, what);
    lines.add(line);
    System.out.println("nemesis " + scenario + ": " + line);
  }

  /** Nanoseconds since the run started: the history's clock, to line faults up with operations. */
  public long now() {
    return System.nanoTime() - originNanos;
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
