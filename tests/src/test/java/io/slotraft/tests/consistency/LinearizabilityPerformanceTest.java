package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.tests.history.History;
import org.junit.jupiter.api.Test;

/**
 * A sanity check of the search's cost on the size of history a one-minute scenario produces. It
 * prints the time instead of asserting a tight bound (a shared CI machine makes timings noisy); the
 * budget still turns a pathological slowdown into an "unknown" that fails the test.
 */
class LinearizabilityPerformanceTest {

  @Test
  void tenThousandOperationsOverFiftyKeysWithTenClients() {
    History history = SimulatedRegisters.generate(42, 10_000, 10, 50, 0.02);
    LinearizabilityChecker<RegisterModel.State> checker = LinearizabilityChecker.registers();
    long start = System.nanoTime();
    checker.check(history);
    long coldMillis = (System.nanoTime() - start) / 1_000_000;
    // Once more, warm: this figure is the search itself rather than class loading and the JIT.
    start = System.nanoTime();
    Verdict verdict = checker.check(history);
    long warmMillis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("linearizability check of %d events (%d operations, 50 keys, 10 clients): %d ms cold,"
        + " %d ms warm%n", history.size(), history.operations().size(), coldMillis, warmMillis);
    assertEquals(Validity.VALID, verdict.validity(), verdict.toString());
  }
}
