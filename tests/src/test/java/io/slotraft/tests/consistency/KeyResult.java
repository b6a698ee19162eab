package io.slotraft.tests.consistency;

/**
 * The linearizability search's answer for one key.
 *
 * @param operations operations searched (failed ones and indeterminate reads are left out)
 * @param steps search steps taken, a measure of how hard the key was
 * @param failure why it is not linearizable; null unless INVALID
 * @param unknownReason which budget ran out; null unless UNKNOWN
 */
public record KeyResult(
    String key, Validity validity, int operations, long steps, NonLinearizable failure, String unknownReason) {

  @Override
  public String toString() {
    return switch (validity) {
      case VALID -> "key " + key + ": linearizable (" + operations + " operations, " + steps + " steps)";
      case UNKNOWN -> "key " + key + ": unknown after " + steps + " steps over " + operations + " operations: "
          + unknownReason;
      case INVALID -> failure.toString();
    };
  }
}
