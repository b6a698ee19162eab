package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wing and Gong's search for a linearization of one key's operations, with Lowe's memoization of
 * (set of linearized operations, state) pairs, in the iterative form Porcupine uses.
 *
 * <p>The operations are laid out as a doubly linked list of call and return entries in real-time
 * order. Walking from the head, a call entry is a candidate to take effect now: if the model accepts
 * it and the resulting (linearized set, state) was never seen, it is linearized (its call and return
 * are unlinked, dancing-links style, so undoing is O(1)) and the walk restarts from the head. Reaching
 * a return entry means that operation returned before anything still in the list could make it take
 * effect: undo the last choice and try the next candidate after it. The memo is what makes this
 * practical: a configuration that failed once fails again, whatever order reached it.
 *
 * <p>Indeterminate operations return at +infinity (Porcupine's treatment of unknown outcomes), so
 * they may be linearized at any point after their invocation; and because they are not
 * <em>required</em>, the search succeeds once every OK operation is linearized, which lets them also
 * never take effect.
 */
final class LinearizationSearch<S> {
  private final Model<S> model;
  private final String key;
  private final List<Operation> operations;
  private final boolean[] required;
  private final int head;
  private final int tail;
  private final int[] next;
  private final int[] prev;

  private int deepest = -1;
  private int[] deepestPrefix;
  private Object[] deepestStates;
  private int deepestBlocked;
  private int[] deepestConcurrent;

  /** {@code operations} must already exclude failed ones and indeterminate reads. */
  LinearizationSearch(Model<S> model, String key, List<Operation> operations) {
    this.model = model;
    this.key = key;
    this.operations = List.copyOf(operations);
    int n = this.operations.size();
    required = new boolean[n];
    for (int i = 0; i < n; i++) {
      required[i] = this.operations.get(i).isOk();
    }
    // Entry 2i is operation i's call, 2i+1 its return; head and tail are sentinels.
    head = 2 * n;
    tail = 2 * n + 1;
    next = new int[2 * n + 2];
    prev = new int[2 * n + 2];
    link(sortedEntries(n));
  }

  private Integer[] sortedEntries(int n) {
    Integer[] entries = new Integer[2 * n];
    for (int e = 0; e < 2 * n; e++) {
      entries[e] = e;
    }
    Arrays.sort(entries, (a, b) -> Long.compare(time(a), time(b)));
    return entries;
  }

  /** History indexes are distinct, so only the +infinity returns tie, and their order is irrelevant. */
  private long time(int entry) {
    Operation operation = operations.get(entry >> 1);
    if ((entry & 1) == 0) {
      return operation.invokeIndex();
    }
    return required[entry >> 1] ? operation.completeIndex() : Long.MAX_VALUE;
  }

  private void link(Integer[] order) {
    int previous = head;
    for (int entry : order) {
      next[previous] = entry;
      prev[entry] = previous;
      previous = entry;
    }
    next[previous] = tail;
    prev[tail] = previous;
  }

  /** A rough size of one memo entry: its bitset plus object headers, hash set node and references. */
  private static long memoEntryBytes(int words) {
    return 8L * words + 96;
  }

  KeyResult run(SearchBudget budget, long deadlineNanos) {
    int n = operations.size();
    long maxSteps = budget.maxStepsPerKey();
    int requiredLeft = 0;
    for (boolean r : required) {
      requiredLeft += r ? 1 : 0;
    }
    long[] linearized = new long[(n + 63) / 64];
    long maxMemoEntries = budget.maxMemoBytesPerKey() / memoEntryBytes(linearized.length);
    Set<Memo> seen = new HashSet<>();
    int[] stackCalls = new int[n];
    Object[] stackStates = new Object[n];
    int depth = 0;
    S state = model.initialState();
    int entry = next[head];
    long steps = 0;
    while (requiredLeft > 0) {
      steps++;
      if (steps > maxSteps) {
        return unknown(steps, "step budget of " + maxSteps + " spent");
      }
      if ((steps & 0xfff) == 0 && System.nanoTime() - deadlineNanos > 0) {
        return unknown(steps, "time budget spent");
      }
      if (seen.size() > maxMemoEntries) {
        return unknown(steps, "memo budget of " + (budget.maxMemoBytesPerKey() >> 20) + " MiB spent");
      }
      if (isCall(entry)) {
        int op = entry >> 1;
        S after = model.step(state, operations.get(op));
        if (after != null) {
          flip(linearized, op);
          if (seen.add(new Memo(linearized.clone(), after))) {
            stackCalls[depth] = entry;
            stackStates[depth] = state;
            depth++;
            state = after;
            lift(entry);
            requiredLeft -= required[op] ? 1 : 0;
            entry = next[head];
            continue;
          }
          flip(linearized, op);
        }
        entry = next[entry];
      } else {
        // Only OK operations' returns come before the +infinity ones, so this one is required.
        noteDeadEnd(entry, depth, stackCalls, stackStates, state);
        if (depth == 0) {
          return new KeyResult(key, Validity.INVALID, n, steps, explanation(), null);
        }
        depth--;
        int call = stackCalls[depth];
        @SuppressWarnings("unchecked")
        S before = (S) stackStates[depth];
        state = before;
        flip(linearized, call >> 1);
        unlift(call);
        requiredLeft += required[call >> 1] ? 1 : 0;
        entry = next[call];
      }
    }
    return new KeyResult(key, Validity.VALID, n, steps, null, null);
  }

  private static boolean isCall(int entry) {
    return (entry & 1) == 0;
  }

  private static void flip(long[] bits, int i) {
    bits[i >> 6] ^= 1L << (i & 63);
  }

  /** Unlinks a call and its return; {@link #unlift} relinks them in the opposite order. */
  private void lift(int call) {
    unlink(call);
    unlink(call + 1);
  }

  private void unlift(int call) {
    relink(call + 1);
    relink(call);
  }

  private void unlink(int entry) {
    next[prev[entry]] = next[entry];
    prev[next[entry]] = prev[entry];
  }

  private void relink(int entry) {
    next[prev[entry]] = entry;
    prev[next[entry]] = entry;
  }

  /** Remembers the deepest dead end: its prefix is the longest linearizable one the search found. */
  private void noteDeadEnd(int returnEntry, int depth, int[] stackCalls, Object[] stackStates, S state) {
    if (depth <= deepest) {
      return;
    }
    deepest = depth;
    deepestPrefix = Arrays.copyOf(stackCalls, depth);
    deepestStates = new Object[depth + 1];
    System.arraycopy(stackStates, 0, deepestStates, 0, depth);
    deepestStates[depth] = state;
    deepestBlocked = returnEntry >> 1;
    List<Integer> concurrent = new ArrayList<>();
    for (int e = next[head]; e != returnEntry; e = next[e]) {
      if (isCall(e) && e >> 1 != deepestBlocked) {
        concurrent.add(e >> 1);
      }
    }
    deepestConcurrent = concurrent.stream().mapToInt(Integer::intValue).toArray();
  }

  @SuppressWarnings("unchecked")
  private NonLinearizable explanation() {
    List<Operation> prefix = new ArrayList<>();
    List<String> statesAfter = new ArrayList<>();
    for (int i = 0; i < deepestPrefix.length; i++) {
      prefix.add(operations.get(deepestPrefix[i] >> 1));
      statesAfter.add(model.describe((S) deepestStates[i + 1]));
    }
    List<Operation> concurrent = new ArrayList<>();
    for (int op : deepestConcurrent) {
      concurrent.add(operations.get(op));
    }
    return new NonLinearizable(key, operations.size(), prefix, statesAfter,
        model.describe((S) deepestStates[deepestPrefix.length]), operations.get(deepestBlocked), concurrent);
  }

  private KeyResult unknown(long steps, String reason) {
    return new KeyResult(key, Validity.UNKNOWN, operations.size(), steps, null, reason);
  }

  /** A configuration already explored: which operations are linearized, and the state they left. */
  private static final class Memo {
    private final long[] linearized;
    private final Object state;
    private final int hash;

    Memo(long[] linearized, Object state) {
      this.linearized = linearized;
      this.state = state;
      this.hash = 31 * Arrays.hashCode(linearized) + state.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Memo memo && hash == memo.hash && state.equals(memo.state)
          && Arrays.equals(linearized, memo.linearized);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
