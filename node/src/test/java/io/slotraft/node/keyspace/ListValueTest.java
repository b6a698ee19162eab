package io.slotraft.node.keyspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packing of {@link ListValue}: how much it holds per element, and what a copy shares. */
class ListValueTest {
  private static final byte[] XXX = "xxx".getBytes(UTF_8);

  @Test
  void aMillionSmallElementsTakeAboutFiveBytesEach() {
    ListValue pushedLeft = new ListValue();
    ListValue pushedRight = new ListValue();
    for (int i = 0; i < 1_000_000; i++) {
      pushedLeft.pushFirst(XXX);
      pushedRight.pushLast(XXX);
    }
    // Three bytes of data and two of lengths; chunks, their headers and the ring add little.
    for (ListValue list : List.of(pushedLeft, pushedRight)) {
      double perElement = list.approximateBytes() / 1_000_000.0;
      assertTrue(perElement < 5.2, "bytes per element: " + perElement);
      assertEquals(1_000_000, list.size());
    }
  }

  @Test
  void alternatingPushesOnAShortListStayCompact() {
    ListValue list = new ListValue();
    for (int i = 0; i < 100_000; i++) {
      if (i % 2 == 0) {
        list.pushFirst(XXX);
      } else {
        list.pushLast(XXX);
      }
    }
    assertTrue(list.approximateBytes() / 100_000.0 < 6, "bytes per element: " + list.approximateBytes() / 100_000.0);
  }

  @Test
  void aQueueDoesNotGrowWhileItsLengthStaysTheSame() {
    ListValue queue = new ListValue();
    for (int i = 0; i < 1000; i++) {
      queue.pushLast(XXX);
    }
    long before = queue.approximateBytes();
    for (int i = 0; i < 1_000_000; i++) {
      queue.pushLast(XXX);
      queue.popFirst();
    }
    assertTrue(queue.approximateBytes() <= before + PackedChunk.TARGET_BYTES * 2L,
        before + " bytes became " + queue.approximateBytes());
  }

  @Test
  void aListThinnedOutByRemovalsGivesBackItsChunks() {
    ListValue list = new ListValue();
    byte[] kept = "kept".getBytes(UTF_8);
    for (int i = 0; i < 100_000; i++) {
      list.pushLast(i % 100 == 0 ? kept : XXX);
    }
    long full = list.approximateBytes();

    assertEquals(99_000, list.remove(XXX, 0));

    assertEquals(1000, list.size());
    assertTrue(list.chunkCount() <= 3, "chunks left: " + list.chunkCount());
    assertTrue(list.approximateBytes() < full / 50, full + " bytes became " + list.approximateBytes());
  }

  @Test
  void aLargeElementSitsInAChunkOfItsOwn() {
    ListValue list = new ListValue();
    list.pushLast(XXX);
    list.pushLast(new byte[100_000]);
    list.pushLast(XXX);
    assertEquals(3, list.chunkCount());
    assertEquals(100_000, list.get(1).length);
  }

  @Test
  void editsInTheMiddleSplitAChunkThatGrowsTooBig() {
    ListValue list = new ListValue();
    for (int i = 0; i < 800; i++) {
      list.pushLast(XXX);
    }
    assertEquals(1, list.chunkCount());
    for (int i = 0; i < 100; i++) {
      list.insert(list.cursor(400), false, "a longer element, to fill the chunk".getBytes(UTF_8));
    }
    assertTrue(list.chunkCount() > 1);
    assertEquals(900, list.size());
    assertArrayEquals(XXX, list.get(899));
  }

  @Test
  void aCopySharesNothingWithTheOriginal() {
    ListValue original = new ListValue();
    for (int i = 0; i < 5000; i++) {
      original.pushLast(Integer.toString(i).getBytes(UTF_8));
    }
    ListValue copy = (ListValue) original.copy();
    assertNotSame(original, copy);

    copy.popFirst();
    copy.pushLast(XXX);
    copy.set(copy.cursor(100), XXX);
    copy.remove("200".getBytes(UTF_8), 0);

    assertEquals(5000, original.size());
    assertEquals(elements(0, 5000), strings(original));
  }

  @Test
  void cursorsRefuseIndexesOutsideTheList() {
    ListValue list = new ListValue();
    assertThrows(IndexOutOfBoundsException.class, () -> list.cursor(0));
    list.pushLast(XXX);
    assertThrows(IndexOutOfBoundsException.class, () -> list.cursor(1));
    assertThrows(IndexOutOfBoundsException.class, () -> list.cursor(-1));
  }

  private static List<String> elements(int from, int to) {
    List<String> expected = new ArrayList<>();
    for (int i = from; i < to; i++) {
      expected.add(Integer.toString(i));
    }
    return expected;
  }

  private static List<String> strings(ListValue list) {
    List<String> values = new ArrayList<>();
    list.forEach((array, offset, length) -> values.add(new String(array, offset, length, UTF_8)));
    return values;
  }
}
