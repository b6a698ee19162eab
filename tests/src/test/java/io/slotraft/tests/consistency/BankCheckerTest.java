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
