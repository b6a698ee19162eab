package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.Operation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Histories from a simulated correct register must pass, whatever the seed; the same histories with
 * one read made stale must fail. Together they show the checker neither cries wolf nor sleeps. A
 * failing seed is printed so it can be replayed alone.
 */
class RandomRegisterHistoryTest {
  private static final int SEEDS = 200;

  @Test
  void linearizableHistoriesPass() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      History history = SimulatedRegisters.generate(seed, 300, 6, 3, 0.05);
      Verdict verdict = LinearizabilityChecker.registers().check(history);
      assertEquals(Validity.VALID, verdict.validity(), "seed " + seed + ": " + verdict);
    }
  }

  @Test
  void historiesWithAStaleReadFail() {
    int corrupted = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      History history = SimulatedRegisters.generate(seed, 300, 6, 3, 0.05);
      History stale = SimulatedRegisters.corruptWithStaleRead(history, new Random(seed));
      if (stale == null) {
        continue;
      }
      corrupted++;
      Verdict verdict = LinearizabilityChecker.registers().check(stale);
      assertEquals(Validity.INVALID, verdict.validity(), "seed " + seed + ": " + verdict);
    }
    assertTrue(corrupted > SEEDS * 9 / 10, "only " + corrupted + " histories had a read to corrupt");
  }

  @Test
  void readOfAValueNeverWrittenFails() {
    for (long seed = 1; seed <= 50; seed++) {
      History history = SimulatedRegisters.generate(seed, 200, 5, 2, 0.05);
      Operation read = history.operations().stream()
          .filter(op -> op.isOk() && op.f() == io.slotraft.tests.history.OpFunction.READ)
          .reduce((first, second) -> second)
          .orElse(null);
      assertNotNull(read, "seed " + seed);
      History ghost = SimulatedRegisters.replaceResult(history, read, "never-written");
      Verdict verdict = LinearizabilityChecker.registers().check(ghost);
      assertEquals(Validity.INVALID, verdict.validity(), "seed " + seed + ": " + verdict);
    }
  }

  @Test
  void highConcurrencyWithManyIndeterminateOperationsStillDecides() {
    for (long seed = 1; seed <= 20; seed++) {
      History history = SimulatedRegisters.generate(seed, 400, 12, 2, 0.15);
      Verdict verdict = LinearizabilityChecker.registers().check(history);
      assertEquals(Validity.VALID, verdict.validity(), "seed " + seed + ": " + verdict);
    }
  }
}
