package io.slotraft.tests.consistency;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank (transfer) workload's check: {@code transfer} moves an amount between accounts of one
 * group (one hash slot, one MULTI/EXEC), so the total never changes. Every successful {@code read} or
 * {@code final-read} returns all of a group's balances as an object of account to balance; each must
 * name exactly the expected accounts, sum to the total, and, when the workload forbids overdrafts, have
 * no negative balance. A read that saw half of a transfer shows up as a wrong total. The key is the
 * group; every group starts with the same accounts and total.
 */
public final class BankChecker implements Checker {
  private final Set<String> accounts;
  private final long total;
  private final boolean negativeBalancesAllowed;

  public BankChecker(Set<String> accounts, long total, boolean negativeBalancesAllowed) {
    this.accounts = new TreeSet<>(accounts);
    this.total = total;
    this.negativeBalancesAllowed = negativeBalancesAllowed;
  }

  @Override
  public Verdict check(History history) {
    Anomalies anomalies = new Anomalies();
    int reads = 0;
    int transfers = 0;
    for (Operation operation : history.operations()) {
      if (operation.f() == OpFunction.TRANSFER && operation.isOk()) {
        transfers++;
      }
      boolean isRead = operation.f() == OpFunction.READ || operation.f() == OpFunction.FINAL_READ;
      if (isRead && operation.isOk()) {
        reads++;
        String problem = checkRead(operation);
        if (problem != null) {
          anomalies.add("group " + operation.key() + ": " + problem);
        }
      }
    }
    String summary = reads + " reads of " + accounts.size() + " accounts after " + transfers
        + " acknowledged transfers";
    if (!anomalies.isEmpty()) {
      return new Verdict("bank", Validity.INVALID, summary + "; " + anomalies.count() + " bad reads",
          anomalies.list());
    }
    if (reads == 0) {
      return new Verdict("bank", Validity.UNKNOWN, summary + "; nothing to check", List.of());
    }
    return Verdict.valid("bank", summary);
  }

  private String checkRead(Operation read) {
    if (!(read.output() instanceof Map<?, ?> balances)) {
      return "read is not an object of balances: " + read;
    }
    List<String> problems = new ArrayList<>();
    Set<String> unknownAccounts = new TreeSet<>();
    for (Object account : balances.keySet()) {
      unknownAccounts.add((String) account);
    }
    unknownAccounts.removeAll(accounts);
    if (!unknownAccounts.isEmpty()) {
      problems.add("unknown accounts " + unknownAccounts);
    }
    long sum = 0;
    for (String account : accounts) {
      Long balance;
      try {
        balance = Numbers.asLong(balances.get(account));
      } catch (IllegalArgumentException notAnInteger) {
        problems.add(account + " is " + notAnInteger.getMessage());
        continue;
      }
      if (balance == null) {
        problems.add(account + " missing");
        continue;
      }
      if (balance < 0 && !negativeBalancesAllowed) {
        problems.add(account + " negative (" + balance + ")");
      }
      sum += balance;
    }
    if (problems.isEmpty() && sum != total) {
      problems.add("total " + sum + " instead of " + total);
    }
    return problems.isEmpty() ? null : String.join(", ", problems) + " in " + read;
  }
}
