package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.Invocation;
import io.slotraft.tests.history.OpFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetCheckerTest {
  private final HistoryRecorder history = HistoryRecorder.inMemory();

  @Test
  void everyAcknowledgedAddPresentIsValid() {
    add(1, "a").ok();
    add(2, "b").ok();
    add(3, "c").fail("refused");
    finalRead(List.of("a", "b"));
    assertEquals(Validity.VALID, check().validity());
  }

  @Test
  void indeterminateAddsMayBeEitherPresentOrAbsent() {
    add(1, "a").ok();
    add(2, "b").info("timeout");
    add(3, "c").info("timeout");
    finalRead(List.of("a", "b"));
    assertEquals(Validity.VALID, check().validity());
  }

  @Test
  void lostAcknowledgedAddIsInvalid() {
    add(1, "a").ok();
    add(2, "b").ok();
    finalRead(List.of("b"));
    Verdict verdict = check();
    assertEquals(Validity.INVALID, verdict.validity());
    assertTrue(verdict.anomalies().get(0).contains("missing") && verdict.anomalies().get(0).contains("[a]"),
        verdict.toString());
  }

  @Test
  void elementNeverAddedIsInvalid() {
    add(1, "a").ok();
    finalRead(List.of("a", "ghost"));
    Verdict verdict = check();
    assertEquals(Validity.INVALID, verdict.validity());
    assertTrue(verdict.anomalies().get(0).contains("ghost"), verdict.toString());
  }

  @Test
  void elementWhoseAddFailedIsInvalid() {
    add(1, "a").fail("refused");
    finalRead(List.of("a"));
    assertEquals(Validity.INVALID, check().validity());
  }

  @Test
  void addConcurrentWithTheFinalReadNeedNotBePresent() {
    Invocation late = add(1, "a");
    finalRead(List.of());
    late.ok();
    assertEquals(Validity.VALID, check().validity());
  }

  @Test
  void withoutASuccessfulFinalReadTheAnswerIsUnknown() {
    add(1, "a").ok();
    history.invoke(9, OpFunction.FINAL_READ, "s", null).info("timeout");
    assertEquals(Validity.UNKNOWN, check().validity());
  }

  @Test
  void keysAreIndependentSets() {
    history.invoke(1, OpFunction.ADD, "s1", "x").ok();
    history.invoke(1, OpFunction.ADD, "s2", "y").ok();
    history.invoke(9, OpFunction.FINAL_READ, "s1", null).ok(List.of("x"));
    history.invoke(9, OpFunction.FINAL_READ, "s2", null).ok(List.of("x"));
    Verdict verdict = check();
    assertEquals(Validity.INVALID, verdict.validity());
    assertEquals(2, verdict.anomalies().size(), verdict.toString()); // y lost, x unexpected in s2
  }

  private Invocation add(int process, String element) {
    return history.invoke(process, OpFunction.ADD, "s", element);
  }

  private void finalRead(List<String> content) {
    history.invoke(9, OpFunction.FINAL_READ, "s", null).ok(content);
  }

  private Verdict check() {
    Verdict verdict = new SetChecker().check(history.history());
    System.out.println(verdict);
    return verdict;
  }
}
