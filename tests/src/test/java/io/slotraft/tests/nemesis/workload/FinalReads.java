package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.history.EventType;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.Invocation;
import io.slotraft.tests.history.OpFunction;

/**
 * A final read is tried a few times: the cluster has recovered, but a read can still meet an
 * election it did not cause. Each attempt is its own recorded operation (a failed or indeterminate
 * read changes nothing), so this is the client retrying, not the test.
 */
final class FinalReads {
  /** The process that makes the final reads: none of the workload's, whose last operations may still be open. */
  static final int PROCESS = 1000;
  private static final int ATTEMPTS = 10;

  private FinalReads() {}

  static void read(HistoryRecorder recorder, int process, String key, Recorded.Action read) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Invocation invocation = recorder.invoke(process, OpFunction.FINAL_READ, key, null);
      if (Recorded.read(invocation, read).type() == EventType.OK) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
