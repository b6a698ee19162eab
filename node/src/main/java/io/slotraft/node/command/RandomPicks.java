package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The random choices of SPOP, SRANDMEMBER and HRANDFIELD, as positions in a collection. They are
 * drawn only from the context's generator: on the write path it is seeded by the leader, so every
 * replica applying SPOP removes the same members.
 */
final class RandomPicks {
  /**
   * Redis builds whatever reply a negative count asks for, and a large one can exhaust its memory
   * (ours would take the node down with it), so beyond this many picks the count is refused.
   */
  static final long MAX_REPEATED_PICKS = 1L << 24;
  static final Reply TOO_MANY_PICKS = Replies.error(
      "ERR value is out of range, a negative count may ask for at most " + MAX_REPEATED_PICKS + " elements");
  private static final Reply NOT_IN_RANGE = Replies.error(
      "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");

  private RandomPicks() {}

  /** A count as SRANDMEMBER and HRANDFIELD take it: any integer but the one without a negation. */
  static long count(CommandArgs args, int index) {
    long count = args.longArg(index);
    if (count == Long.MIN_VALUE) {
      throw new CommandException(NOT_IN_RANGE);
    }
    return count;
  }

  /** {@code count} positions of {@code [0, size)}, repeats allowed (a negative count's meaning). */
  static int[] withRepeats(RandomGenerator random, int size, long count) {
    if (count > MAX_REPEATED_PICKS) {
      throw new CommandException(TOO_MANY_PICKS);
    }
    int[] picks = new int[(int) count];
    for (int i = 0; i < picks.length; i++) {
      picks[i] = random.nextInt(size);
    }
    return picks;
  }

  /** Every position, in order: what a count of at least the size asks for. */
  static int[] all(int size) {
    int[] picks = new int[size];
    for (int i = 0; i < size; i++) {
      picks[i] = i;
    }
    return picks;
  }

  /**
   * {@code count} distinct positions of {@code [0, size)}, uniformly. When more than half are
   * wanted, the ones left out are drawn instead, so the work and memory stay within half the size.
   */
  static int[] distinct(RandomGenerator random, int size, int count) {
    if (count >= size) {
      return all(size);
    }
    boolean complement = count > size / 2;
    Set<Integer> drawn = floyd(random, size, complement ? size - count : count);
    int[] picks = new int[count];
    int i = 0;
    if (complement) {
      for (int pos = 0; pos < size; pos++) {
        if (!drawn.contains(pos)) {
          picks[i++] = pos;
        }
      }
    } else {
      for (int pos : drawn) {
        picks[i++] = pos;
      }
    }
    return picks;
  }

  /**
   * Robert Floyd's sampling: {@code count} distinct values of {@code [0, size)} in {@code count}
   * draws. A LinkedHashSet keeps the draw order, so replicas list the picks alike.
   */
  private static Set<Integer> floyd(RandomGenerator random, int size, int count) {
    Set<Integer> drawn = new LinkedHashSet<>();
    for (int j = size - count; j < size; j++) {
      int t = random.nextInt(j + 1);
      drawn.add(drawn.contains(t) ? j : t);
    }
    return drawn;
  }
}
