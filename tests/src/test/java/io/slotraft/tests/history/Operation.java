package io.slotraft.tests.history;

/**
 * An invocation paired with its completion: what the checkers reason about.
 *
 * <p>Times are history indexes, not nanoseconds: the recorder numbers events in the order it saw them,
 * so "A completed before B was invoked" is exactly {@code a.completeIndex() < b.invokeIndex()}, with
 * no clock resolution or skew to worry about.
 *
 * @param id position among the history's operations (in invocation order), for reports
 * @param input the invocation's value (the argument)
 * @param output the completion's value (the result); null when the outcome is not OK
 * @param outcome OK, FAIL or INFO; an invocation never completed counts as INFO
 * @param completeIndex the completion's index, or {@link Long#MAX_VALUE} if there was none
 * @param endNanos the completion's time, or {@link Long#MAX_VALUE} if there was none
 */
public record Operation(
    int id,
    int process,
    OpFunction f,
    String key,
    Object input,
    Object output,
    EventType outcome,
    long invokeIndex,
    long completeIndex,
    long startNanos,
    long endNanos,
    String error) {

  public boolean isOk() {
    return outcome == EventType.OK;
  }

  public boolean isFail() {
    return outcome == EventType.FAIL;
  }

  /** INFO or never completed: the operation may take effect at any time after invocation, or never. */
  public boolean isIndeterminate() {
    return outcome == EventType.INFO;
  }

  /** Real-time order: this one completed (successfully) before {@code other} was invoked. */
  public boolean precedes(Operation other) {
    return isOk() && completeIndex < other.invokeIndex;
  }

  /** E.g. {@code op7 p3 cas r1 ["a","b"] ok [#12..15]} or {@code op8 p1 read r1 -> "b" [#13..14]}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("op" + id + " p" + process + " " + f.wireName());
    if (key != null) {
      out.append(' ').append(key);
    }
    if (input != null) {
      out.append(' ').append(Json.write(input));
    }
    switch (outcome) {
      // Reads show their result (null: absent); updates answer with their argument, so just "ok".
      case OK -> out.append(input != null && input.equals(output) ? " ok" : " -> " + Json.write(output));
      case FAIL -> out.append(" failed");
      default -> out.append(completeIndex == Long.MAX_VALUE ? " never completed" : " indeterminate");
    }
    out.append(" [#").append(invokeIndex).append("..");
    if (completeIndex != Long.MAX_VALUE) {
      out.append(completeIndex);
    }
    return out.append(']').toString();
  }
}
