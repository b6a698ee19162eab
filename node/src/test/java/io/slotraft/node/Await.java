package io.slotraft.node;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The node tests' one way to wait: poll a condition until it holds, or fail saying what never happened. */
public final class Await {
  private static final long POLL_MS = 50;

  private Await() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      Thread.sleep(POLL_MS);
    }
  }
}
