package io.slotraft.node.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's keys are in its argv. First Redis's legacy (first, last, step) triple: argv[0] is
 * the command name, {@code last} may be negative to count from the end (-1 is the last argument).
 * Then, for commands that take a count of keys (ZUNIONSTORE dest numkeys key..., LMPOP numkeys
 * key...), {@code countIndex}: argv[countIndex] says how many keys follow it, as Redis 7's "keynum"
 * key spec does; 0 when the command has none. {@link #NONE} is a command without keys.
 *
 * <p>With a count, the keys are those of the triple before the count and the counted ones. A count
 * that is not a number from 1 to the arguments left counts nothing, as in Redis, which then finds
 * no key after it: the command goes where its keys before the count say (or, with none, where its
 * triple says) and answers its own error about the count, never CROSSSLOT.
 */
public record KeySpec(int first, int last, int step, int countIndex) {
  public static final KeySpec NONE = new KeySpec(0, 0, 0, 0);

  public static KeySpec single() {
    return new KeySpec(1, 1, 1, 0);
  }

  public static KeySpec of(int first, int last, int step) {
    return new KeySpec(first, last, step, 0);
  }

  /** This triple, followed by a count of keys at argv[countIndex] and the keys it counts. */
  public KeySpec counted(int countIndex) {
    if (countIndex < 1 || first > countIndex + 1) {
      throw new IllegalArgumentException("a key count at " + countIndex + " cannot follow keys from " + first);
    }
    return new KeySpec(first, last, step, countIndex);
  }

  public boolean hasKeys() {
    return first > 0;
  }

  /** The keys of one invocation; empty when the command has none. */
  public List<byte[]> keys(List<byte[]> argv) {
    int counted = countIndex > 0 ? keyCount(argv) : 0;
    List<byte[]> keys = new ArrayList<>();
    if (!hasKeys()) {
      return keys;
    }
    int lastIndex = last >= 0 ? last : argv.size() + last;
    if (countIndex > 0 && (counted > 0 || first < countIndex)) {
      lastIndex = Math.min(lastIndex, countIndex - 1);
    }
    for (int i = first; i <= lastIndex && i < argv.size(); i += step) {
      keys.add(argv.get(i));
    }
    keys.addAll(argv.subList(countIndex + 1, countIndex + 1 + counted));
    return keys;
  }

  /** The count at argv[countIndex] when it is one Redis accepts for finding keys, else 0. */
  private int keyCount(List<byte[]> argv) {
    if (countIndex >= argv.size()) {
      return 0;
    }
    Long count = RedisNumbers.parseLong(argv.get(countIndex));
    int left = argv.size() - countIndex - 1;
    return count != null && count >= 1 && count <= left ? count.intValue() : 0;
  }
}
