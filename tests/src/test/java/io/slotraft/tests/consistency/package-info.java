/**
 * Checkers that judge a recorded {@link io.slotraft.tests.history.History}: linearizability of
 * registers (Wing and Gong's search with Lowe's memoization, one key at a time, as Knossos and
 * Porcupine do), and the cheaper invariants of the set, counter and bank workloads. Each answers a
 * {@link io.slotraft.tests.consistency.Verdict}: valid, invalid with the anomalies that prove it, or
 * unknown when the search ran out of its budget (never a hang, never a guess).
 *
 * <p>Pure: no cluster, no clocks except the search's time budget, no I/O except {@link
 * io.slotraft.tests.consistency.RunRecord}, which writes a run's seed, fault schedule and verdicts next
 * to its history. Workloads and nemeses live elsewhere and only produce histories.
 */
package io.slotraft.tests.consistency;
