package io.slotraft.tests.nemesis;

import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.nemesis.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workload's processes, one thread each, running operations back to back (with a few
 * milliseconds between, so ten clients leave the two cores some room for three nodes) until stopped.
 */
final class ClientProcesses {
  private static final long THINK_MS = 5;

  private final Workload workload;
  private final HistoryRecorder recorder;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  ClientProcesses(Workload workload, HistoryRecorder recorder, int processes) {
    this.workload = workload;
    this.recorder = recorder;
    for (int p = 0; p < processes; p++) {
      int process = p;
      Thread thread = new Thread(() -> loop(process), "client-" + p);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  void start() {
    threads.forEach(Thread::start);
  }

  private void loop(int process) {
    while (running.get()) {
      workload.operate(process, recorder);
      try {
        Thread.sleep(THINK_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Stops after each process's current operation (each bounded by its client's timeouts); a process
   * still stuck after a minute is left behind, its operation open (indeterminate) in the history.
   */
  List<String> stop() throws InterruptedException {
    running.set(false);
    List<String> stuck = new ArrayList<>();
    for (Thread thread : threads) {
      thread.join(60_000);
      if (thread.isAlive()) {
        stuck.add(thread.getName());
      }
    }
    return stuck;
  }
}
