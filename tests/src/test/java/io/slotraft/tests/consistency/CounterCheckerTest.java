package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.Invocation;
import io.slotraft.tests.history.OpFunction;
import org.junit.jupiter.api.Test;

class CounterCheckerTest {
  private final HistoryRecorder history = HistoryRecorder.inMemory();

  @Test
  void finalValueEqualToTheAcknowledgedSumIsValid() {
    incr(1, 5).ok();
    incr(2, 3).ok();
    incr(3, 100).fail("refused");
    finalRead(8L);
    assertEquals(Validity.VALID, check().validity());
  }

  @Test
  void indeterminateIncrementsMayOrMayNotCount() {
    incr(1, 5).ok();
    incr(2, 3).info("timeout");
    incr(3, 4).info("timeout");
    finalRead(12L);
    assertEquals(Validity.VALID, check().validity());
    finalRead("9");
    assertEquals(Validity.VALID, check().validity(), "Redis replies are strings; 5 + 4 is possible");
  }

  @Test
  void lostIncrementIsInvalid() {
    incr(1, 5).ok();
    incr(2, 3).ok();
    incr(3, 4).info("timeout");
    finalRead(5L);
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void countingSomethingTwiceIsInvalid() {
    incr(1, 5).ok();
    incr(2, 3).info("timeout");
    finalRead(11L);
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void readsInBetweenMustLieWithinWhatWasInvokedAndAcknowledgedByThen() {
    incr(1, 5).ok();
    Invocation pending = incr(2, 3);
    read(6, 8L); // pending may already be applied
    read(7, 5L); // or not yet
    pending.ok();
    read(4, 8L);
    finalRead(8L);
    assertEquals(Validity.VALID, check().validity());

    read(5, 3L); // below the 8 acknowledged before it started
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void readAheadOfAnyInvocationIsInvalid() {
    incr(1, 5).ok();
    read(2, 7L);
    incr(1, 2).ok();
    finalRead(7L);
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void negativeAmountsWidenTheBoundDownwards() {
    incr(1, 10).ok();
    incr(2, -4).info("timeout");
    finalRead(6L);
    assertEquals(Validity.VALID, check().validity());
    finalRead(5L);
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void absentKeyReadsAsZeroAndNonIntegersAreAnomalies() {
    read(1, null);
    incr(1, 1).ok();
    finalRead(1L);
    assertEquals(Validity.VALID, check().validity());
    finalRead("one");
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void withoutAFinalReadTheAnswerIsUnknown() {
    incr(1, 1).ok();
    read(2, 1L);
    assertEquals(Validity.UNKNOWN, check().validity());
  }

  private Invocation incr(int process, long amount) {
    return history.invoke(process, OpFunction.INCR, "c", amount);
  }

  private void read(int process, Object value) {
    history.invoke(process, OpFunction.READ, "c", null).ok(value);
  }

  private void finalRead(Object value) {
    history.invoke(9, OpFunction.FINAL_READ, "c", null).ok(value);
  }

  private Verdict check() {
    Verdict verdict = new CounterChecker().check(history.history());
    System.out.println(verdict);
    return verdict;
  }
}
