package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bank's lost-write check, for one group: its final balances must be its initial balances plus
 * every acknowledged transfer plus some subset of the transfers whose outcome is unknown (failed
 * ones certainly did not happen). A transfer lost after it was acknowledged keeps the total, so no
 * read's sum can show it; the balances do.
 *
 * <p>Which subset: a search over the sums the unknown transfers can make, one transfer at a time,
 * keeping only the partial sums from which the rest can still reach the difference (each account's
 * share bounded by what the remaining transfers can add or take). A run has a handful of unknown
 * transfers, so the search is small; past {@value #MAX_SUMS} partial sums it gives up, undecided.
 */
final class BankLedger {
  static final int MAX_SUMS = 200_000;

  /** Explained, not explained (why), or undecided (why): exactly one of the three. */
  record Result(boolean explained, String lost, String undecided) {
    static Result ok() {
      return new Result(true, null, null);
    }
  }

  private final List<String> accounts;

  BankLedger(List<String> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  Result check(Map<String, Long> initial, List<Operation> acknowledged, List<Operation> unknown,
      Map<?, ?> finalBalances) {
    long[] difference = new long[accounts.size()];
    for (int a = 0; a < accounts.size(); a++) {
      difference[a] = Numbers.asLong(finalBalances.get(accounts.get(a))) - initial.get(accounts.get(a));
    }
    for (Operation transfer : acknowledged) {
      long[] moved = vector(transfer);
      for (int a = 0; a < difference.length; a++) {
        difference[a] -= moved[a];
      }
    }
    List<long[]> candidates = unknown.stream().map(this::vector).toList();
    Set<List<Long>> sums = reachable(candidates, difference);
    if (sums == null) {
      return new Result(false, null, "more than " + MAX_SUMS + " partial sums of " + unknown.size()
          + " transfers of unknown outcome");
    }
    if (sums.contains(asList(difference))) {
      return Result.ok();
    }
    return new Result(false, "final balances " + finalBalances + " differ from the initial " + initial + " plus "
        + acknowledged.size() + " acknowledged transfers by " + describe(difference) + ", which no subset of the "
        + unknown.size() + " transfers of unknown outcome makes up", null);
  }

  /** Partial sums that can still reach {@code target}, the last round's including it if any does; null past the budget. */
  private Set<List<Long>> reachable(List<long[]> candidates, long[] target) {
    int n = candidates.size();
    long[][] lowest = new long[n + 1][target.length];
    long[][] highest = new long[n + 1][target.length];
    for (int i = n - 1; i >= 0; i--) {
      for (int a = 0; a < target.length; a++) {
        long v = candidates.get(i)[a];
        lowest[i][a] = lowest[i + 1][a] + Math.min(0, v);
        highest[i][a] = highest[i + 1][a] + Math.max(0, v);
      }
    }
    Set<List<Long>> sums = new HashSet<>();
    long[] zero = new long[target.length];
    if (canReach(zero, target, lowest[0], highest[0])) {
      sums.add(asList(zero));
    }
    for (int i = 0; i < n; i++) {
      Set<List<Long>> next = new HashSet<>();
      for (List<Long> sum : sums) {
        for (long[] candidate : List.of(toArray(sum), plus(toArray(sum), candidates.get(i)))) {
          if (canReach(candidate, target, lowest[i + 1], highest[i + 1])) {
            next.add(asList(candidate));
          }
        }
      }
      if (next.size() > MAX_SUMS) {
        return null;
      }
      sums = next;
    }
    return sums;
  }

  private static boolean canReach(long[] sum, long[] target, long[] lowest, long[] highest) {
    for (int a = 0; a < target.length; a++) {
      long missing = target[a] - sum[a];
      if (missing < lowest[a] || missing > highest[a]) {
        return false;
      }
    }
    return true;
  }

  /** What a transfer adds to each account: {@code -amount} to {@code from}, {@code +amount} to {@code to}. */
  private long[] vector(Operation transfer) {
    Map<?, ?> input = (Map<?, ?>) transfer.input();
    long amount = Numbers.asLong(input.get("amount"));
    long[] moved = new long[accounts.size()];
    moved[indexOf(input.get("from"), transfer)] -= amount;
    moved[indexOf(input.get("to"), transfer)] += amount;
    return moved;
  }

  private int indexOf(Object account, Operation transfer) {
    int index = accounts.indexOf(account);
    if (index < 0) {
      throw new IllegalArgumentException("transfer names an unknown account " + account + ": " + transfer);
    }
    return index;
  }

  private String describe(long[] difference) {
    Map<String, Long> byAccount = new TreeMap<>();
    for (int a = 0; a < accounts.size(); a++) {
      if (difference[a] != 0) {
        byAccount.put(accounts.get(a), difference[a]);
      }
    }
    return byAccount.toString();
  }

  private static long[] plus(long[] a, long[] b) {
    long[] sum = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  private static List<Long> asList(long[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (long value : values) {
      list.add(value);
    }
    return list;
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
