package io.slotraft.tests.consistency;

import io.slotraft.tests.history.History;

/**
 * Judges a history. Checkers ignore operations whose function they do not check; one history holds one
 * workload's operations, since another workload's reads would look like this one's (a counter's read
 * of "5" is a register read of a value never written).
 */
public interface Checker {
  Verdict check(History history);
}
