/**
 * Histories of operations against the cluster, in Jepsen's shape: each client (a <em>process</em>)
 * records an {@code invoke} event before it sends a request and exactly one completion after:
 * {@code ok} (it happened), {@code fail} (it certainly did not happen) or {@code info} (unknown: it
 * may take effect at any time after its invocation, or never). {@link
 * io.slotraft.tests.history.History#operations()} pairs the events into operations for the checkers.
 *
 * <p>Histories are written as JSON lines, one event per line, so a failing run's history can be kept
 * under {@code target/} and checked again offline. Nothing here talks to a cluster or judges
 * correctness: the checkers live in {@code io.slotraft.tests.consistency}.
 */
package io.slotraft.tests.history;
