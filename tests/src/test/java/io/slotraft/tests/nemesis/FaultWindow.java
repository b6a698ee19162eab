package io.slotraft.tests.nemesis;

import java.time.Duration;
import java.util.Optional;

/**
 * When one fault was in force, on the history's clock (nanoseconds since the run started), and how
 * long after its end every shard took writes again (empty: not within the probe's patience).
 */
public record FaultWindow(String fault, long beginNanos, long endNanos, Optional<Duration> recovery) {

  public boolean contains(long nanos) {
    return nanos >= beginNanos && nanos <= endNanos;
  }
}
