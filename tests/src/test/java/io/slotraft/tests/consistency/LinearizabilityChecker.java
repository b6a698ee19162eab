package io.slotraft.tests.consistency;

import io.slotraft.tests.history.History;
import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that each key's operations are linearizable against a {@link Model}, one key at a time.
 *
 * <p>Checking keys separately is sound and complete because linearizability is compositional (Herlihy
 * and Wing's locality; the P-compositionality Knossos and Porcupine exploit): a history is linearizable
 * iff each object's sub-history is. It is also what keeps the search tractable: its cost grows with
 * the concurrency on one key, not with the length of the whole run.
 *
 * <p>Before the search, failed operations are dropped (they certainly did not happen), and so are
 * indeterminate reads (they change nothing and their result is unknown).
 */
public final class LinearizabilityChecker<S> implements Checker {
  /** How many invalid (and undecided) keys a verdict explains in full; the summary names them all. */
  private static final int EXPLAINED_KEYS = 3;

  private final Model<S> model;
  private final SearchBudget budget;

  public LinearizabilityChecker(Model<S> model, SearchBudget budget) {
    this.model = model;
    this.budget = budget;
  }

  /** Registers (read, write, cas) under the default budget. */
  public static LinearizabilityChecker<RegisterModel.State> registers() {
    return new LinearizabilityChecker<>(new RegisterModel(), SearchBudget.DEFAULT);
  }

  /** Every key's result, in key order. */
  public List<KeyResult> checkKeys(History history) {
    long deadline = System.nanoTime() + budget.timeLimit().toNanos();
    List<KeyResult> results = new ArrayList<>();
    for (Map.Entry<String, List<Operation>> key : byKey(history).entrySet()) {
      if (System.nanoTime() - deadline > 0) {
        results.add(new KeyResult(key.getKey(), Validity.UNKNOWN, key.getValue().size(), 0, null,
            "time budget spent before this key"));
        continue;
      }
      LinearizationSearch<S> search = new LinearizationSearch<>(model, key.getKey(), key.getValue());
      results.add(search.run(budget, deadline));
    }
    return results;
  }

  @Override
  public Verdict check(History history) {
    List<KeyResult> results = checkKeys(history);
    String checker = "linearizable-" + model.name();
    Validity validity = Validity.VALID;
    int operations = 0;
    List<String> invalidKeys = new ArrayList<>();
    List<String> unknownKeys = new ArrayList<>();
    List<String> anomalies = new ArrayList<>();
    for (KeyResult result : results) {
      validity = validity.worst(result.validity());
      operations += result.operations();
      if (result.validity() == Validity.INVALID) {
        invalidKeys.add(result.key());
        if (anomalies.size() < EXPLAINED_KEYS) {
          anomalies.add(result.toString());
        }
      } else if (result.validity() == Validity.UNKNOWN) {
        unknownKeys.add(result.key());
        if (unknownKeys.size() <= EXPLAINED_KEYS) {
          anomalies.add(result.toString());
        }
      }
    }
    String summary = results.size() + " keys, " + operations + " operations searched";
    if (!invalidKeys.isEmpty()) {
      summary += "; not linearizable: " + String.join(", ", invalidKeys);
    }
    if (!unknownKeys.isEmpty()) {
      summary += "; undecided: " + String.join(", ", unknownKeys);
    }
    return new Verdict(checker, validity, summary, anomalies);
  }

  private Map<String, List<Operation>> byKey(History history) {
    Map<String, List<Operation>> byKey = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Operation operation : history.operations()) {
      if (!model.checks(operation) || operation.isFail()) {
        continue;
      }
      if (operation.isIndeterminate() && model.isReadOnly(operation)) {
        continue;
      }
      byKey.computeIfAbsent(operation.key(), k -> new ArrayList<>()).add(operation);
    }
    return byKey;
  }
}
