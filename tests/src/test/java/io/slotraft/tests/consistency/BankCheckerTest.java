package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.OpFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BankCheckerTest {
  private static final Set<String> ACCOUNTS = Set.of("{bank}:a", "{bank}:b", "{bank}:c");
  private final HistoryRecorder history = HistoryRecorder.inMemory();

  @Test
  void readsThatKeepTheTotalAreValid() {
    read(100, 100, 100);
    transfer("{bank}:a", "{bank}:b", 30).ok();
    transfer("{bank}:b", "{bank}:c", 500).fail("insufficient funds");
    read(70, 130, 100);
    history.invoke(9, OpFunction.FINAL_READ, "{bank}", null).ok(balances("70", "130", "100"));
    assertEquals(Validity.VALID, check(false).validity());
  }

  @Test
  void readThatSawHalfATransferIsInvalid() {
    transfer("{bank}:a", "{bank}:b", 30).ok();
    read(70, 100, 100);
    Verdict verdict = check(false);
    assertEquals(Validity.INVALID, verdict.validity());
    assertTrue(verdict.anomalies().get(0).contains("total 270 instead of 300"), verdict.toString());
  }

  @Test
  void negativeBalanceIsInvalidOnlyWhenForbidden() {
    read(-10, 210, 100);
    assertEquals(Validity.INVALID, check(false).validity());
    assertEquals(Validity.VALID, check(true).validity());
  }

  @Test
  void missingOrUnknownAccountsAreInvalid() {
    Map<String, Object> missing = new LinkedHashMap<>(balances(100L, 200L, 0L));
    missing.remove("{bank}:c");
    history.invoke(1, OpFunction.READ, "{bank}", null).ok(missing);
    Map<String, Object> extra = new LinkedHashMap<>(balances(100L, 100L, 100L));
    extra.put("{bank}:z", 0L);
    history.invoke(1, OpFunction.READ, "{bank}", null).ok(extra);
    Verdict verdict = check(false);
    assertEquals(Validity.INVALID, verdict.validity());
    assertEquals(2, verdict.anomalies().size(), verdict.toString());
  }

  @Test
  void noReadsMeansNothingWasChecked() {
    transfer("{bank}:a", "{bank}:b", 1).ok();
    assertEquals(Validity.UNKNOWN, check(false).validity());
  }

  @Test
  void finalBalancesHoldEveryAcknowledgedTransferAndSomeOfUnknownOutcome() {
    transfer("{bank}:a", "{bank}:b", 30).ok();
    transfer("{bank}:b", "{bank}:c", 5).info("connection broke after EXEC");
    transfer("{bank}:c", "{bank}:a", 7).info("connection broke after EXEC");
    transfer("{bank}:a", "{bank}:c", 50).fail("EXEC aborted");
    finalRead(70, 125, 105);
    Verdict verdict = checkLedger();
    assertEquals(Validity.VALID, verdict.validity(), verdict.toString());
  }

  @Test
  void anAcknowledgedTransferMissingFromTheFinalBalancesIsLostThoughTheTotalHolds() {
    transfer("{bank}:a", "{bank}:b", 30).ok();
    transfer("{bank}:b", "{bank}:c", 10).ok();
    transfer("{bank}:c", "{bank}:a", 3).info("timeout");
    finalRead(70, 130, 100);
    Verdict verdict = checkLedger();
    assertEquals(Validity.INVALID, verdict.validity(), verdict.toString());
    assertTrue(verdict.anomalies().get(0).contains("acknowledged transfers lost"), verdict.toString());
    assertTrue(verdict.anomalies().get(0).contains("{{bank}:b=10, {bank}:c=-10}"), verdict.toString());
  }

  @Test
  void manyTransfersOfUnknownOutcomeAreSearchedWithinBounds() {
    for (int i = 0; i < 60; i++) {
      transfer(i % 2 == 0 ? "{bank}:a" : "{bank}:b", "{bank}:c", 1 + i % 5).info("timeout");
    }
    // Some of them took effect: a gave 1 + 3 + 5 (i = 0, 2, 4), b gave 2 (i = 1).
    finalRead(91, 98, 111);
    assertEquals(Validity.VALID, checkLedger().validity());
  }

  @Test
  void withoutAFinalReadLostTransfersCannotBeTold() {
    transfer("{bank}:a", "{bank}:b", 30).ok();
    read(70, 130, 100);
    assertEquals(Validity.UNKNOWN, checkLedger().validity());
    assertEquals(Validity.VALID, check(false).validity(), "without initial balances the ledger is not checked");
  }

  private void finalRead(long a, long b, long c) {
    history.invoke(9, OpFunction.FINAL_READ, "{bank}", null).ok(balances(a, b, c));
  }

  private Verdict checkLedger() {
    Verdict verdict = new BankChecker(Map.of("{bank}:a", 100L, "{bank}:b", 100L, "{bank}:c", 100L), false)
        .check(history.history());
    System.out.println(verdict);
    return verdict;
  }

  private io.slotraft.tests.history.Invocation transfer(String from, String to, long amount) {
    return history.invoke(1, OpFunction.TRANSFER, "{bank}", Map.of("from", from, "to", to, "amount", amount));
  }

  private void read(long a, long b, long c) {
    history.invoke(2, OpFunction.READ, "{bank}", null).ok(balances(a, b, c));
  }

  private static Map<String, Object> balances(Object a, Object b, Object c) {
    Map<String, Object> balances = new LinkedHashMap<>();
    balances.put("{bank}:a", a);
    balances.put("{bank}:b", b);
    balances.put("{bank}:c", c);
    return balances;
  }

  private Verdict check(boolean negativeAllowed) {
    Verdict verdict = new BankChecker(ACCOUNTS, 300, negativeAllowed).check(history.history());
    System.out.println(verdict);
    return verdict;
  }
}
