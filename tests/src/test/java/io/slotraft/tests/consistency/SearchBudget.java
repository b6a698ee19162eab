package io.slotraft.tests.consistency;

import java.time.Duration;

/**
 * How much work a linearizability check may do before it answers "unknown". The search is
 * exponential in the worst case (many concurrent or indeterminate writes to one key), so it is always
 * bounded: a bounded suite must finish, and "unknown" is an honest answer where a hang is not.
 *
 * @param maxStepsPerKey search steps (an operation tried or undone) allowed for one key
 * @param timeLimit wall-clock time for the whole history, all keys together
 * @param maxMemoBytesPerKey an estimate of the memory the memo of explored configurations may take
 *     for one key; each entry holds a bitset of the key's operations, so a long history on one hot key
 *     could otherwise exhaust the heap well before the step budget is spent
 */
public record SearchBudget(long maxStepsPerKey, Duration timeLimit, long maxMemoBytesPerKey) {

  /** Enough for every history a minute-long scenario produces; gives up on pathological keys. */
  public static final SearchBudget DEFAULT = new SearchBudget(20_000_000, Duration.ofSeconds(60), 512L << 20);

  public SearchBudget {
    if (maxStepsPerKey <= 0 || timeLimit.isNegative() || timeLimit.isZero() || maxMemoBytesPerKey <= 0) {
      throw new IllegalArgumentException(
          "budget must be positive: " + maxStepsPerKey + ", " + timeLimit + ", " + maxMemoBytesPerKey);
    }
  }

  public SearchBudget(long maxStepsPerKey, Duration timeLimit) {
    this(maxStepsPerKey, timeLimit, DEFAULT.maxMemoBytesPerKey);
  }
}
