package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a {@link FaultPlan} until its time is up: for each step a quiet spell, the fault, the
 * hold, the heal, then the wait until every shard takes writes again. It stops after the step during
 * which time ran out, so the run always ends healed. The plan's faults held throughout are begun
 * before the first step and ended after the last. A node that exits on its own (not killed by a
 * fault) is noted as a crash.
 */
final class Nemesis {
  private final FaultPlan plan;
  private final FaultTarget target;
  private final RecoveryProbe probe;
  private final List<FaultWindow> windows = new ArrayList<>();
  private final List<String> crashes = new ArrayList<>();

  Nemesis(FaultPlan plan, FaultTarget target, RecoveryProbe probe) {
    this.plan = plan;
    this.target = target;
    this.probe = probe;
  }

  /** Runs steps until {@code duration} has passed; every fault it began it has ended on return. */
  void run(Duration duration) throws Exception {
    List<Fault> begun = new ArrayList<>();
    try {
      for (Fault fault : plan.throughout()) {
        fault.begin(target);
        begun.add(fault);
      }
      runSteps(duration);
    } finally {
      for (int i = begun.size() - 1; i >= 0; i--) {
        begun.get(i).end(target);
      }
    }
  }

  private void runSteps(Duration duration) throws Exception {
    long deadline = System.nanoTime() + duration.toNanos();
    for (FaultPlan.Step step : plan.steps()) {
      if (System.nanoTime() > deadline) {
        return;
      }
      Thread.sleep(step.quietMs());
      noteCrashes();
      long begin = target.log().now();
      try {
        step.fault().begin(target);
        Thread.sleep(step.holdMs());
      } finally {
        step.fault().end(target);
      }
      long end = target.log().now();
      Recovery recovery = probe.await();
      target.log().note((recovery.complete() ? "recovered: " : "NOT RECOVERED: ") + recovery + " after the heal");
      windows.add(new FaultWindow(step.fault().describe(), begin, end, recovery));
    }
  }

  /** Between faults every node should be running: one that is not exited by itself. */
  private void noteCrashes() {
    for (NodeProcess node : target.cluster().nodes()) {
      if (!node.isAlive()) {
        String crash = node.name() + " exited on its own";
        if (!crashes.contains(crash)) {
          crashes.add(crash);
          target.log().note("CRASH: " + crash);
        }
      }
    }
  }

  List<FaultWindow> windows() {
    return List.copyOf(windows);
  }

  /** Nodes found dead between faults, and after the run. */
  List<String> crashes() {
    noteCrashes();
    return List.copyOf(crashes);
  }
}
