package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.Invocation;
import io.slotraft.tests.history.OpFunction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written register histories, each a small story. Lines are in the order the recorder saw them;
 * an invocation left open while others run is concurrent with them.
 */
class LinearizabilityCheckerTest {
  private final HistoryRecorder history = HistoryRecorder.inMemory();

  @Test
  void sequentialWritesAndReadsAreLinearizable() {
    write(1, "x", "1").ok();
    read(2, "x").ok("1");
    write(2, "x", "2").ok();
    read(1, "x").ok("2");
    assertValid();
  }

  @Test
  void readOfAnUnwrittenKeySeesItAbsent() {
    read(1, "x").ok(null);
    write(1, "x", "1").ok();
    assertValid();
  }

  @Test
  void staleReadAfterACompletedWriteIsNotLinearizable() {
    write(1, "x", "1").ok();
    write(1, "x", "2").ok();
    Invocation stale = read(2, "x");
    stale.ok("1");

    KeyResult result = only(LinearizabilityChecker.registers().checkKeys(history.history()));
    assertEquals(Validity.INVALID, result.validity());
    NonLinearizable why = result.failure();
    assertEquals(stale.event().index(), why.blocked().invokeIndex(), why.toString());
    assertEquals(2, why.prefix().size(), why.toString());
    assertEquals("\"2\"", why.state(), why.toString());
  }

  @Test
  void lostWriteIsNotLinearizable() {
    write(1, "x", "1").ok();
    read(2, "x").ok(null);
    assertInvalid();
  }

  @Test
  void concurrentWritesMayBeSeenInEitherOrderWhileTheyRun() {
    Invocation one = write(1, "x", "1");
    Invocation two = write(2, "x", "2");
    read(3, "x").ok("2");
    read(3, "x").ok("1");
    one.ok();
    two.ok();
    read(3, "x").ok("1");
    assertValid();
  }

  @Test
  void afterConcurrentWritesCompleteReadsMustAgreeOnTheLastOne() {
    Invocation one = write(1, "x", "1");
    Invocation two = write(2, "x", "2");
    one.ok();
    two.ok();
    read(3, "x").ok("1");
    read(3, "x").ok("2");
    assertInvalid();
  }

  @Test
  void readsConcurrentWithAWriteMayNotGoBackInTime() {
    Invocation slowWrite = write(1, "x", "1");
    read(2, "x").ok("1");
    read(2, "x").ok(null);
    slowWrite.ok();
    assertInvalid();
  }

  @Test
  void readOfAValueNeverWrittenIsNotLinearizable() {
    write(1, "x", "1").ok();
    read(2, "x").ok("42");
    assertInvalid();
  }

  @Test
  void casChainIsLinearizableAndFailedCasesChangeNothing() {
    write(1, "x", "0").ok();
    cas(1, "x", "0", "1").ok();
    cas(2, "x", "1", "2").ok();
    cas(3, "x", "0", "9").fail("compare failed");
    read(3, "x").ok("2");
    assertValid();
  }

  @Test
  void casWithAStaleExpectedValueCannotSucceed() {
    write(1, "x", "0").ok();
    cas(1, "x", "0", "1").ok();
    cas(2, "x", "0", "3").ok();
    assertInvalid();
  }

  @Test
  void twoConcurrentCasesFromTheSameValueCannotBothSucceed() {
    write(1, "x", "0").ok();
    Invocation a = cas(1, "x", "0", "1");
    Invocation b = cas(2, "x", "0", "2");
    a.ok();
    b.ok();
    assertInvalid();
  }

  @Test
  void indeterminateWriteMayAppearLater() {
    write(1, "x", "1").ok();
    write(2, "x", "2").info("timeout");
    read(3, "x").ok("1");
    read(3, "x").ok("2");
    read(3, "x").ok("2");
    assertValid();
  }

  @Test
  void indeterminateWriteMayNeverAppear() {
    write(1, "x", "1").ok();
    write(2, "x", "2").info("timeout");
    read(3, "x").ok("1");
    write(3, "x", "3").ok();
    read(3, "x").ok("3");
    assertValid();
  }

  @Test
  void indeterminateWriteOnceSeenCannotBeUnseen() {
    write(1, "x", "1").ok();
    write(2, "x", "2").info("timeout");
    read(3, "x").ok("2");
    read(3, "x").ok("1");
    assertInvalid();
  }

  @Test
  void indeterminateWriteCannotBeSeenBeforeItWasInvoked() {
    read(3, "x").ok("2");
    write(2, "x", "2").info("timeout");
    assertInvalid();
  }

  @Test
  void invocationWithoutCompletionIsIndeterminate() {
    write(1, "x", "1").ok();
    write(2, "x", "2"); // the client died: the history ends with this invocation open
    read(3, "x").ok("2");
    assertValid();
  }

  @Test
  void indeterminateCasTakesEffectOnlyIfItsComparisonHolds() {
    write(1, "x", "0").ok();
    cas(2, "x", "0", "1").info("timeout");
    read(3, "x").ok("1");
    assertValid();

    HistoryRecorder other = HistoryRecorder.inMemory();
    other.invoke(1, OpFunction.WRITE, "x", "5").ok();
    other.invoke(2, OpFunction.CAS, "x", Arrays.asList("0", "1")).info("timeout");
    other.invoke(3, OpFunction.READ, "x", null).ok("1");
    assertEquals(Validity.INVALID, LinearizabilityChecker.registers().check(other.history()).validity());
  }

  @Test
  void failedWriteCertainlyDidNotHappen() {
    write(1, "x", "1").ok();
    write(2, "x", "2").fail("refused");
    read(3, "x").ok("2");
    assertInvalid();
  }

  @Test
  void indeterminateAndFailedReadsAreIgnored() {
    write(1, "x", "1").ok();
    read(2, "x").info("timeout");
    read(3, "x").fail("refused");
    read(3, "x").ok("1");
    assertValid();
  }

  @Test
  void keysAreCheckedSeparatelyAndTheBadOneIsNamed() {
    Invocation a = write(1, "a", "1");
    Invocation b = write(2, "b", "1");
    a.ok();
    read(3, "a").ok("1");
    b.ok();
    read(3, "b").ok(null);
    Verdict verdict = LinearizabilityChecker.registers().check(history.history());
    assertEquals(Validity.INVALID, verdict.validity(), verdict.toString());
    assertTrue(verdict.summary().contains("not linearizable: b"), verdict.toString());
    assertEquals(1, verdict.anomalies().size(), verdict.toString());
  }

  @Test
  void searchOutOfBudgetAnswersUnknown() {
    List<Invocation> writes = new java.util.ArrayList<>();
    for (int p = 0; p < 8; p++) {
      writes.add(write(p, "x", "w" + p));
    }
    writes.forEach(Invocation::ok);
    read(9, "x").ok("w3");
    LinearizabilityChecker<RegisterModel.State> tiny =
        new LinearizabilityChecker<>(new RegisterModel(), new SearchBudget(5, Duration.ofSeconds(10)));
    Verdict verdict = tiny.check(history.history());
    assertEquals(Validity.UNKNOWN, verdict.validity(), verdict.toString());
    assertTrue(verdict.anomalies().get(0).contains("step budget"), verdict.toString());

    LinearizabilityChecker<RegisterModel.State> smallMemo =
        new LinearizabilityChecker<>(new RegisterModel(), new SearchBudget(1000, Duration.ofSeconds(10), 500));
    verdict = smallMemo.check(history.history());
    assertEquals(Validity.UNKNOWN, verdict.validity(), verdict.toString());
    assertTrue(verdict.anomalies().get(0).contains("memo budget"), verdict.toString());
    assertValid();
  }

  @Test
  void finalReadThatMissesTheLastAcknowledgedWriteIsTheWriteLost() {
    write(1, "x", "1").ok();
    write(2, "x", "2").ok();
    history.invoke(1000, OpFunction.FINAL_READ, "x", null).ok("1");
    assertInvalid();
  }

  @Test
  void finalReadMayOrMayNotSeeAWriteOfUnknownOutcome() {
    write(1, "x", "1").ok();
    write(2, "x", "2").info("connection broke");
    history.invoke(1000, OpFunction.FINAL_READ, "x", null).ok("1");
    history.invoke(1000, OpFunction.FINAL_READ, "x", null).ok("1");
    assertValid();
  }

  @Test
  void emptyHistoryIsLinearizable() {
    assertValid();
  }

  private Invocation read(int process, String key) {
    return history.invoke(process, OpFunction.READ, key, null);
  }

  private Invocation write(int process, String key, String value) {
    return history.invoke(process, OpFunction.WRITE, key, value);
  }

  private Invocation cas(int process, String key, String expected, String replacement) {
    return history.invoke(process, OpFunction.CAS, key, Arrays.asList(expected, replacement));
  }

  private void assertValid() {
    Verdict verdict = LinearizabilityChecker.registers().check(history.history());
    assertEquals(Validity.VALID, verdict.validity(), verdict.toString());
  }

  private void assertInvalid() {
    History recorded = history.history();
    Verdict verdict = LinearizabilityChecker.registers().check(recorded);
    assertEquals(Validity.INVALID, verdict.validity(), verdict.toString());
    System.out.println(verdict);
  }

  private static KeyResult only(List<KeyResult> results) {
    assertEquals(1, results.size(), results.toString());
    return results.get(0);
  }
}
