package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Operation;
import java.util.List;

/**
 * Why one key's history is not linearizable, from the deepest point the search reached: the longest
 * prefix of operations that can be put in a legal order, and the operation that then had to take
 * effect (its return had come) but could not, in any order of the operations concurrent with it.
 *
 * @param prefix the longest linearizable prefix, in its linearization order
 * @param statesAfter the state after each operation of {@code prefix}, described by the model
 * @param state the state after the whole prefix
 * @param blocked the operation that could not be linearized after the prefix
 * @param concurrent operations still pending at that point, each tried before {@code blocked}'s
 *     return and each either contradicting the state or leading only to dead ends
 */
public record NonLinearizable(
    String key,
    int operations,
    List<Operation> prefix,
    List<String> statesAfter,
    String state,
    Operation blocked,
    List<Operation> concurrent) {

  /** How many operations of the prefix a report shows: the end of it is where things went wrong. */
  private static final int SHOWN = 8;

  public NonLinearizable {
    prefix = List.copyOf(prefix);
    statesAfter = List.copyOf(statesAfter);
    concurrent = List.copyOf(concurrent);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("key " + key + ": not linearizable; the longest linearizable prefix has "
        + prefix.size() + " of " + operations + " operations");
    int from = Math.max(0, prefix.size() - SHOWN);
    out.append(from > 0 ? ", ending:" : ":");
    for (int i = from; i < prefix.size(); i++) {
      out.append("\n  ").append(prefix.get(i)).append("  => ").append(statesAfter.get(i));
    }
    out.append("\nthen, in state ").append(state).append(", this cannot take effect before it returned:\n  ")
        .append(blocked);
    if (!concurrent.isEmpty()) {
      out.append("\nnor can any order of the operations concurrent with it:");
      for (Operation operation : concurrent) {
        out.append("\n  ").append(operation);
      }
    }
    return out.toString();
  }
}
