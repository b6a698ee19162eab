package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.consistency.Checker;
import io.slotraft.tests.history.HistoryRecorder;

/**
 * A checked workload: concurrent processes (logical clients, numbered from 0) run operations, each
 * recorded from invocation to completion, and once the faults are over the final reads its checker
 * needs. One history holds one workload's operations.
 */
public interface Workload extends AutoCloseable {
  String name();

  /** Before the processes start and before any fault: the initial state, acknowledged. */
  default void setUp() throws Exception {}

  /** One operation by {@code process}, recorded; called from that process's thread only. */
  void operate(int process, HistoryRecorder recorder);

  /** After the faults healed and the cluster recovered, with the processes stopped. */
  void finalReads(HistoryRecorder recorder);

  Checker checker();

  @Override
  void close();
}
