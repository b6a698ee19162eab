package io.slotraft.tests.consistency;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bank (transfer) workload's check: {@code transfer} moves an amount between accounts of one
 * group (one hash slot, one MULTI/EXEC), so the total never changes. Every successful {@code read} or
 * {@code final-read} returns all of a group's balances as an object of account to balance; each must
 * name exactly the expected accounts, sum to the total, and, when the workload forbids overdrafts, have
 * no negative balance. A read that saw half of a transfer shows up as a wrong total. The key is the
 * group; every group starts with the same accounts and total.
 *
 * <p>Given the initial balances, it also checks that no acknowledged transfer was lost, which the
 * total cannot show: each group's last final read must be explained by the initial balances, every
 * acknowledged transfer and some of those whose outcome is unknown ({@link BankLedger}). A group
 * transferred on without a successful final read leaves the verdict undecided.
 */
public final class BankChecker implements Checker {
  private final Set<String> accounts;
  private final long total;
  private final boolean negativeBalancesAllowed;
  /** Null: the ledger is not checked. */
  private final Map<String, Long> initialBalances;

  public BankChecker(Set<String> accounts, long total, boolean negativeBalancesAllowed) {
    this.accounts = new TreeSet<>(accounts);
    this.total = total;
    this.negativeBalancesAllowed = negativeBalancesAllowed;
    this.initialBalances = null;
  }

  /** Every group starts with {@code initialBalances}; checks the ledger too. */
  public BankChecker(Map<String, Long> initialBalances, boolean negativeBalancesAllowed) {
    this.accounts = new TreeSet<>(initialBalances.keySet());
    this.total = initialBalances.values().stream().mapToLong(Long::longValue).sum();
    this.negativeBalancesAllowed = negativeBalancesAllowed;
    this.initialBalances = Map.copyOf(initialBalances);
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
    List<String> undecided = new ArrayList<>();
    if (initialBalances != null && anomalies.isEmpty()) {
      summary += "; " + checkLedgers(history, anomalies, undecided);
    }
    if (!anomalies.isEmpty()) {
      return new Verdict("bank", Validity.INVALID, summary + "; " + anomalies.count() + " bad reads",
          anomalies.list());
    }
    if (reads == 0) {
      return new Verdict("bank", Validity.UNKNOWN, summary + "; nothing to check", List.of());
    }
    if (!undecided.isEmpty()) {
      return new Verdict("bank", Validity.UNKNOWN, summary, undecided);
    }
    return Verdict.valid("bank", summary);
  }

  /** Each transferred-on group's last successful final read against its ledger; a line for the summary. */
  private String checkLedgers(History history, Anomalies anomalies, List<String> undecided) {
    Map<String, List<Operation>> acknowledged = new TreeMap<>();
    Map<String, List<Operation>> unknown = new TreeMap<>();
    Map<String, Operation> finalReads = new TreeMap<>();
    for (Operation operation : history.operations()) {
      if (operation.f() == OpFunction.TRANSFER && operation.isOk()) {
        acknowledged.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
      } else if (operation.f() == OpFunction.TRANSFER && operation.isIndeterminate()) {
        unknown.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
      } else if (operation.f() == OpFunction.FINAL_READ && operation.isOk()) {
        finalReads.put(operation.key(), operation);
      }
    }
    BankLedger ledger = new BankLedger(List.copyOf(accounts));
    int explained = 0;
    for (String group : acknowledged.keySet()) {
      Operation finalRead = finalReads.get(group);
      if (finalRead == null) {
        undecided.add("group " + group + ": no successful final read, so lost transfers cannot be told");
        continue;
      }
      BankLedger.Result result = ledger.check(initialBalances, acknowledged.get(group),
          unknown.getOrDefault(group, List.of()), (Map<?, ?>) finalRead.output());
      if (result.explained()) {
        explained++;
      } else if (result.lost() != null) {
        anomalies.add("group " + group + ": acknowledged transfers lost: " + result.lost());
      } else {
        undecided.add("group " + group + ": " + result.undecided());
      }
    }
    return "final balances of " + explained + " of " + acknowledged.size() + " groups explained by every acknowledged "
        + "transfer and " + unknown.values().stream().mapToInt(List::size).sum() + " of unknown outcome";
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
