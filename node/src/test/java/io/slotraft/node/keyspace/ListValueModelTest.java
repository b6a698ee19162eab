package io.slotraft.node.keyspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random operations on a {@link ListValue} and on a plain {@link ArrayList} side by side, checked
 * against each other after every step. Element sizes straddle the varint boundaries (127/128,
 * 16383/16384 bytes) and the chunk size, so that walks cross chunks in both directions and edits
 * split chunks. A failing seed is the bug report: keep it in the list below.
 */
class ListValueModelTest {
  private static final int STEPS = 3000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void behavesLikeAnArrayList(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ListValue list = new ListValue();
    List<byte[]> model = new ArrayList<>();
    int mostChunks = 0;
    for (int step = 0; step < STEPS; step++) {
      String what = apply(random, list, model);
      assertSame(model, list, "seed " + seed + " step " + step + " (" + what + ")");
      mostChunks = Math.max(mostChunks, list.chunkCount());
    }
    assertTrue(mostChunks >= 20, "the walk should have crossed many chunks, saw at most " + mostChunks);
  }

  private static String apply(SplittableRandom random, ListValue list, List<byte[]> model) {
    int op = random.nextInt(100);
    if (op < 25 || model.isEmpty()) {
      byte[] element = element(random);
      list.pushFirst(element);
      model.add(0, element);
      return "pushFirst " + element.length;
    } else if (op < 50) {
      byte[] element = element(random);
      list.pushLast(element);
      model.add(element);
      return "pushLast " + element.length;
    } else if (op < 60) {
      assertArrayEquals(model.remove(0), list.popFirst());
      return "popFirst";
    } else if (op < 70) {
      assertArrayEquals(model.remove(model.size() - 1), list.popLast());
      return "popLast";
    }
    return applyInTheMiddle(random, op, list, model);
  }

  private static String applyInTheMiddle(SplittableRandom random, int op, ListValue list, List<byte[]> model) {
    int index = random.nextInt(model.size());
    if (op < 76) {
      byte[] element = element(random);
      list.set(list.cursor(index), element);
      model.set(index, element);
      return "set " + index;
    } else if (op < 84) {
      byte[] element = element(random);
      boolean after = random.nextBoolean();
      list.insert(list.cursor(index), after, element);
      model.add(after ? index + 1 : index, element);
      return "insert " + index + (after ? " after" : " before");
    } else if (op < 90) {
      long count = random.nextInt(-3, 4);
      byte[] value = model.get(index);
      assertEquals(removeFromModel(model, value, count), list.remove(value, count));
      return "remove " + count;
    } else if (op < 93) {
      int first = random.nextInt(Math.min(model.size(), 5) + 1);
      int last = random.nextInt(Math.min(model.size() - first, 5) + 1);
      list.removeFirst(first);
      list.removeLast(last);
      model.subList(0, first).clear();
      model.subList(model.size() - last, model.size()).clear();
      return "trim " + first + " " + last;
    }
    walkBothWays(list, model, index);
    return "walk from " + index;
  }

  /** Small elements mostly (as lists usually hold), a few around the size boundaries. */
  private static byte[] element(SplittableRandom random) {
    int kind = random.nextInt(100);
    int length;
    if (kind < 80) {
      length = random.nextInt(8);
    } else if (kind < 90) {
      length = 126 + random.nextInt(4);
    } else if (kind < 97) {
      length = 200 + random.nextInt(PackedChunk.TARGET_BYTES);
    } else {
      length = 16_382 + random.nextInt(4);
    }
    byte[] element = new byte[length];
    // Few distinct values, so that LREM and LINSERT find matches.
    Arrays.fill(element, (byte) random.nextInt(3));
    return element;
  }

  private static long removeFromModel(List<byte[]> model, byte[] value, long count) {
    long limit = count == 0 ? Long.MAX_VALUE : Math.abs(count);
    long removed = 0;
    if (count >= 0) {
      for (int i = 0; i < model.size() && removed < limit; ) {
        if (Arrays.equals(model.get(i), value)) {
          model.remove(i);
          removed++;
        } else {
          i++;
        }
      }
    } else {
      for (int i = model.size() - 1; i >= 0 && removed < limit; i--) {
        if (Arrays.equals(model.get(i), value)) {
          model.remove(i);
          removed++;
        }
      }
    }
    return removed;
  }

  private static void walkBothWays(ListValue list, List<byte[]> model, int index) {
    ListCursor forward = list.cursor(index);
    for (int i = index; i < model.size(); i++, forward.next()) {
      assertEquals(i, forward.index());
      assertArrayEquals(model.get(i), forward.element(), "forward at " + i);
    }
    assertEquals(false, forward.isValid());
    ListCursor backward = list.cursor(index);
    for (int i = index; i >= 0; i--, backward.previous()) {
      assertEquals(true, backward.matches(model.get(i)), "backward at " + i);
    }
    assertEquals(false, backward.isValid());
  }

  private static void assertSame(List<byte[]> model, ListValue list, String where) {
    assertEquals(model.size(), list.size(), where + ": size");
    int[] index = {0};
    list.forEach((array, offset, length) -> {
      byte[] expected = model.get(index[0]);
      assertTrue(Arrays.equals(expected, 0, expected.length, array, offset, offset + length),
          where + ": element " + index[0]);
      index[0]++;
    });
    assertEquals(model.size(), index[0], where + ": forEach count");
    if (model.isEmpty()) {
      assertNull(list.popFirst(), where);
      assertEquals(0, list.chunkCount(), where + ": an empty list holds no chunk");
    } else {
      int probe = model.size() / 3;
      assertArrayEquals(model.get(probe), list.get(probe), where + ": get " + probe);
    }
  }
}
