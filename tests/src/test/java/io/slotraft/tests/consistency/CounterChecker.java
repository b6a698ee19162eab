package io.slotraft.tests.consistency;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counter workload's check, per key: clients {@code incr} by an amount (INCRBY, possibly
 * negative), and {@code read} or {@code final-read} the value (null: absent, i.e. 0).
 *
 * <p>Every successful read must lie within what could have been applied by then: the increments
 * acknowledged before the read was invoked certainly were; those invoked before it returned and not
 * failed may or may not have been (indeterminate ones included). So the value lies in [definite +
 * the possible negative amounts, definite + the possible positive amounts]. For a final read after
 * every increment completed this is Jepsen's bound: [acknowledged sum, acknowledged + indeterminate].
 * A key with increments but no successful final read is undecided.
 */
public final class CounterChecker implements Checker {
  private final long initialValue;

  public CounterChecker() {
    this(0);
  }

  /** For counters that start at {@code initialValue} rather than absent. */
  public CounterChecker(long initialValue) {
    this.initialValue = initialValue;
  }

  @Override
  public Verdict check(History history) {
    Map<String, List<Operation>> increments = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    Map<String, List<Operation>> reads = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Operation operation : history.operations()) {
      if (operation.f() == OpFunction.INCR && !operation.isFail()) {
        increments.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
      } else if ((operation.f() == OpFunction.READ || operation.f() == OpFunction.FINAL_READ) && operation.isOk()) {
        reads.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
      }
    }
    Anomalies anomalies = new Anomalies();
    List<String> undecided = new ArrayList<>();
    List<String> finals = new ArrayList<>();
    for (String key : increments.keySet()) {
      if (reads.getOrDefault(key, List.of()).stream().noneMatch(r -> r.f() == OpFunction.FINAL_READ)) {
        undecided.add(key);
      }
    }
    for (Map.Entry<String, List<Operation>> key : reads.entrySet()) {
      List<Operation> keyIncrements = increments.getOrDefault(key.getKey(), List.of());
      for (Operation read : key.getValue()) {
        String problem = checkRead(read, keyIncrements);
        if (problem != null) {
          anomalies.add("key " + key.getKey() + ": " + problem);
        } else if (read.f() == OpFunction.FINAL_READ) {
          finals.add(key.getKey() + "=" + read.output());
        }
      }
    }
    String summary = increments.size() + " keys incremented, "
        + reads.values().stream().mapToInt(List::size).sum() + " reads checked"
        + (finals.isEmpty() ? "" : "; final values " + Anomalies.some(finals, 10));
    if (!anomalies.isEmpty()) {
      return new Verdict("counter", Validity.INVALID, summary + "; " + anomalies.count() + " reads out of bounds",
          anomalies.list());
    }
    if (!undecided.isEmpty()) {
      return new Verdict("counter", Validity.UNKNOWN, summary + "; no successful final read of " + undecided,
          List.of());
    }
    return Verdict.valid("counter", summary);
  }

  /** Null if the read is possible, else why not. */
  private String checkRead(Operation read, List<Operation> increments) {
    Long value;
    try {
      value = Numbers.asLong(read.output());
    } catch (IllegalArgumentException notAnInteger) {
      return read + " returned " + notAnInteger.getMessage();
    }
    long observed = value == null ? initialValue : value;
    long definite = initialValue;
    long possibleDown = 0;
    long possibleUp = 0;
    int acknowledged = 0;
    int uncertain = 0;
    for (Operation increment : increments) {
      long amount = amount(increment);
      if (increment.precedes(read)) {
        definite += amount;
        acknowledged++;
      } else if (increment.invokeIndex() < read.completeIndex()) {
        possibleDown += Math.min(0, amount);
        possibleUp += Math.max(0, amount);
        uncertain++;
      }
    }
    long lower = definite + possibleDown;
    long upper = definite + possibleUp;
    if (observed >= lower && observed <= upper) {
      return null;
    }
    return read + " is outside [" + lower + ", " + upper + "]: " + acknowledged
        + " increments acknowledged before it (sum " + (definite - initialValue) + "), " + uncertain
        + " concurrent or indeterminate";
  }

  private static long amount(Operation increment) {
    Long amount = Numbers.asLong(increment.input());
    if (amount == null) {
      throw new IllegalArgumentException("incr without an amount: " + increment);
    }
    return amount;
  }
}
