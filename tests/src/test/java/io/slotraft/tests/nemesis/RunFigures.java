package io.slotraft.tests.nemesis;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run measured: operations recorded (all of them go to the checker), how they ended, the
 * share that succeeded among those invoked while a fault was in force (availability), and how long
 * after each heal every shard took writes again.
 */
public record RunFigures(int operations, long ok, long failed, long indeterminate, long duringFaults,
    long okDuringFaults, List<FaultWindow> windows) {

  public static RunFigures of(History history, List<FaultWindow> windows) {
    List<Operation> operations = history.operations();
    long duringFaults = 0;
    long okDuringFaults = 0;
    for (Operation operation : operations) {
      if (operation.f() != OpFunction.FINAL_READ
          && windows.stream().anyMatch(window -> window.contains(operation.startNanos()))) {
        duringFaults++;
        okDuringFaults += operation.isOk() ? 1 : 0;
      }
    }
    return new RunFigures(operations.size(), operations.stream().filter(Operation::isOk).count(),
        operations.stream().filter(Operation::isFail).count(),
        operations.stream().filter(Operation::isIndeterminate).count(), duringFaults, okDuringFaults, windows);
  }

  /** Succeeded among the operations invoked during faults, in percent; 100 when none were. */
  public double availabilityDuringFaults() {
    return duringFaults == 0 ? 100.0 : 100.0 * okDuringFaults / duringFaults;
  }

  public boolean everyHealRecovered() {
    return windows.stream().allMatch(window -> window.recovery().complete());
  }

  public String recoveries() {
    return windows.stream().map(w -> w.fault() + ": " + w.recovery()).collect(Collectors.joining("; "));
  }

  /** The longest wait after a heal until every shard took writes again. */
  public Optional<Duration> slowestRecovery() {
    return windows.stream().flatMap(w -> w.recovery().shardsWritable().stream()).max(Duration::compareTo);
  }

  @Override
  public String toString() {
    return String.format("%d operations checked (%d ok, %d failed, %d indeterminate); %d invoked during %d faults, "
        + "%.1f%% of them succeeded; every shard writable again at most %s after a heal", operations, ok, failed, indeterminate,
        duringFaults, windows.size(), availabilityDuringFaults(),
        slowestRecovery().map(d -> d.toMillis() + " ms").orElse("none"));
  }
}
