package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Operation;

/**
 * A sequential specification of one object (one key), for the linearizability search: what an
 * operation does to the state when it takes effect, and whether its recorded result is possible.
 *
 * <p>States must be immutable and have value equality: the search memoizes (linearized operations,
 * state) pairs, so two equal states reached by different orders are explored once.
 *
 * @param <S> the object's state; never null
 */
public interface Model<S> {
  /** Short name for reports, e.g. "register". */
  String name();

  /** Whether this model describes {@code operation}'s function; others are left out of the search. */
  boolean checks(Operation operation);

  S initialState();

  /**
   * The state after {@code operation} takes effect in {@code state}, or null if it cannot take effect
   * there because its recorded result contradicts the state. For an indeterminate operation the
   * result is unknown: answer the state it leaves if it did take effect (null if it cannot have).
   */
  S step(S state, Operation operation);

  /**
   * Whether the operation never changes the state (a read). An indeterminate read constrains nothing
   * and is dropped before the search, which keeps the search small.
   */
  boolean isReadOnly(Operation operation);

  /** The state as a reader of a report wants to see it. */
  default String describe(S state) {
    return String.valueOf(state);
  }
}
