package io.slotraft.node.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's keys are in its argv, as Redis's legacy (first, last, step) triple: argv[0] is
 * the command name, {@code last} may be negative to count from the end (-1 is the last argument).
 * {@link #NONE} is a command without keys.
 */
public record KeySpec(int first, int last, int step) {
  public static final KeySpec NONE = new KeySpec(0, 0, 0);

  public static KeySpec single() {
    return new KeySpec(1, 1, 1);
  }

  public static KeySpec of(int first, int last, int step) {
    return new KeySpec(first, last, step);
  }

  public boolean hasKeys() {
    return first > 0;
  }

  /** The keys of one invocation; empty when the command has none. */
  public List<byte[]> keys(List<byte[]> argv) {
    List<byte[]> keys = new ArrayList<>();
    if (!hasKeys()) {
      return keys;
    }
    int lastIndex = last >= 0 ? last : argv.size() + last;
    for (int i = first; i <= lastIndex && i < argv.size(); i += step) {
      keys.add(argv.get(i));
    }
    return keys;
  }
}
