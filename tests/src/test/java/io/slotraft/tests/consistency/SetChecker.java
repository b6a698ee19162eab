package io.slotraft.tests.consistency;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The set workload's check (Jepsen's set checker), per key: clients {@code add} unique elements, and
 * each successful {@code final-read} returns the set's whole content as a list. For every final read:
 * <ul>
 *   <li>lost: an add acknowledged before the read was invoked is missing;
 *   <li>unexpected: an element present that no one ever tried to add;
 *   <li>failed but present: an element present whose every add was reported as failed, i.e. "certainly
 *       did not happen" was a lie that would hide real losses elsewhere.
 * </ul>
 * Indeterminate adds may be present or not; adds concurrent with the read may be present or not.
 * A key without any successful final read is undecided.
 */
public final class SetChecker implements Checker {

  @Override
  public Verdict check(History history) {
    Map<String, List<Operation>> adds = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    Map<String, List<Operation>> finalReads = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Operation operation : history.operations()) {
      if (operation.f() == OpFunction.ADD) {
        adds.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
      } else if (operation.f() == OpFunction.FINAL_READ && operation.isOk()) {
        finalReads.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
      }
    }
    Set<String> keys = new LinkedHashSet<>(adds.keySet());
    keys.addAll(finalReads.keySet());
    Anomalies anomalies = new Anomalies();
    List<String> undecided = new ArrayList<>();
    long acknowledged = 0;
    long indeterminate = 0;
    for (String key : keys) {
      List<Operation> keyAdds = adds.getOrDefault(key, List.of());
      acknowledged += keyAdds.stream().filter(Operation::isOk).count();
      indeterminate += keyAdds.stream().filter(Operation::isIndeterminate).count();
      List<Operation> reads = finalReads.getOrDefault(key, List.of());
      if (reads.isEmpty()) {
        undecided.add(key);
      }
      for (Operation read : reads) {
        checkRead(key, keyAdds, read, anomalies);
      }
    }
    String summary = keys.size() + " keys, " + acknowledged + " acknowledged adds, " + indeterminate
        + " indeterminate";
    if (!anomalies.isEmpty()) {
      return new Verdict("set", Validity.INVALID, summary + "; " + anomalies.count() + " anomalies",
          anomalies.list());
    }
    if (!undecided.isEmpty()) {
      return new Verdict("set", Validity.UNKNOWN, summary + "; no successful final read of " + undecided,
          List.of());
    }
    return Verdict.valid("set", summary);
  }

  private static void checkRead(String key, List<Operation> adds, Operation read, Anomalies anomalies) {
    if (!(read.output() instanceof List<?> content)) {
      anomalies.add("key " + key + ": final read is not a list: " + read);
      return;
    }
    Set<Object> present = new HashSet<>(content);
    Map<Object, List<Operation>> attempts = new HashMap<>();
    for (Operation add : adds) {
      attempts.computeIfAbsent(add.input(), e -> new ArrayList<>()).add(add);
    }
    Set<Object> lost = new LinkedHashSet<>();
    for (Operation add : adds) {
      if (add.precedes(read) && !present.contains(add.input())) {
        lost.add(add.input());
      }
    }
    Set<Object> unexpected = new LinkedHashSet<>();
    Set<Object> failedButPresent = new LinkedHashSet<>();
    for (Object element : content) {
      List<Operation> tries = attempts.get(element);
      if (tries == null) {
        unexpected.add(element);
      } else if (tries.stream().allMatch(Operation::isFail)) {
        failedButPresent.add(element);
      }
    }
    if (!lost.isEmpty()) {
      anomalies.add("key " + key + ": " + lost.size() + " acknowledged adds missing from final read op"
          + read.id() + ": " + Anomalies.some(lost, 20));
    }
    if (!unexpected.isEmpty()) {
      anomalies.add("key " + key + ": final read op" + read.id() + " has " + unexpected.size()
          + " elements never added: " + Anomalies.some(unexpected, 20));
    }
    if (!failedButPresent.isEmpty()) {
      anomalies.add("key " + key + ": final read op" + read.id() + " has " + failedButPresent.size()
          + " elements whose adds all failed: " + Anomalies.some(failedButPresent, 20));
    }
  }
}
