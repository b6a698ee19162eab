package io.slotraft.node.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix sort must agree exactly with a plain comparator sort on unsigned bytes. */
class UnsignedKeyOrderTest {
  /** Bytes at the edges of signed and unsigned order, so that a signed comparison would show. */
  private static final byte[] EDGE_BYTES = {0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0xFF};

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 16, 17, 33, 1000, 50_000})
  void agreesWithComparatorSortOnKeysFullOfEdgeBytesAndPrefixes(int count) {
    assertSortedLikeComparator(distinctKeys(count, new SplittableRandom(count), new byte[0]));
  }

  @Test
  void keysSharingALongPrefixGoManyLevelsDeep() {
    byte[] prefix = new byte[300];
    Arrays.fill(prefix, (byte) 'p');
    assertSortedLikeComparator(distinctKeys(5000, new SplittableRandom(7), prefix));
  }

  @Test
  void prefixesSortBeforeLongerKeysEvenWhenTheRestIsZeros() {
    byte[][] keys = {{'a', 0, 0, 0, 0, 0, 0, 0, 0}, {'a'}, {'a', 0}, {}, {'a', 0, 0, 0, 0, 0, 0}};
    byte[][] many = IntStream.range(0, 40).mapToObj(i -> zeros(i)).toArray(byte[][]::new);

    assertSortedLikeComparator(keys);
    assertSortedLikeComparator(many);
  }

  @Test
  void duplicateKeysAreRefused() {
    byte[][] keys = IntStream.range(0, 40).mapToObj(i -> new byte[] {(byte) (i % 20)}).toArray(byte[][]::new);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnsignedKeyOrder.sort(keys));
    assertTrue(e.getMessage().contains("duplicate key"));
  }

  private static void assertSortedLikeComparator(byte[][] keys) {
    int[] order = UnsignedKeyOrder.sort(keys);
    byte[][] sorted = Arrays.stream(order).mapToObj(i -> keys[i]).toArray(byte[][]::new);
    byte[][] expected = keys.clone();
    Arrays.sort(expected, Arrays::compareUnsigned);
    assertArrayEquals(expected, sorted);
  }

  /** Keys of random length 0-24 after {@code prefix}, mostly made of edge bytes, all distinct. */
  private static byte[][] distinctKeys(int count, SplittableRandom random, byte[] prefix) {
    TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
    while (keys.size() < count) {
      byte[] key = Arrays.copyOf(prefix, prefix.length + random.nextInt(25));
      for (int i = prefix.length; i < key.length; i++) {
        key[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
      }
      keys.add(key);
    }
    byte[][] shuffled = keys.toArray(byte[][]::new);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      byte[] swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }
    return shuffled;
  }

  private static byte[] zeros(int length) {
    return new byte[length];
  }
}
