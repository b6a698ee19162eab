package io.slotraft.node.snapshot;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Puts keys in unsigned bytewise order, RocksDB's default comparator, the order SstFileWriter
 * requires.
 *
 * <p>Why not {@code Arrays.sort} with a comparator: on 1M keys that took about 1 s, nearly all of it
 * cache misses from reaching two keys per comparison. This is an MSD radix sort: at each depth it
 * reads a few bytes of every key once, packs them with the key's position into a long, and sorts
 * the longs, which lie side by side in memory. Only keys that share those bytes go a level deeper,
 * so common prefixes ("user:...") cost a few extra passes, not a comparator sort.
 */
final class UnsignedKeyOrder {
  /** Runs this short are finished with an insertion sort on whole keys. */
  private static final int SMALL_RUN = 16;
  /** Low bits of a digit: how many of its bytes the key has, or digitBytes + 1 when it goes on. */
  private static final int LENGTH_BITS = 4;

  private UnsignedKeyOrder() {}

  /**
   * The positions of {@code keys} in ascending unsigned bytewise order.
   *
   * @throws IllegalArgumentException if two keys are equal (a keyspace never holds both)
   */
  static int[] sort(byte[][] keys) {
    int[] order = new int[keys.length];
    Arrays.setAll(order, i -> i);
    Sorter sorter = new Sorter(keys, order);
    // An explicit stack, not recursion: a long common prefix means many levels.
    Deque<int[]> runs = new ArrayDeque<>();
    runs.push(new int[] {0, keys.length, 0});
    while (!runs.isEmpty()) {
      int[] run = runs.pop();
      sorter.sortRun(run[0], run[1], run[2], runs);
    }
    return order;
  }

  /** The state shared by all runs: the keys, the order being built, and scratch space. */
  private static final class Sorter {
    final byte[][] keys;
    final int[] order;
    final long[] packed;
    final int[] scratch;

    Sorter(byte[][] keys, int[] order) {
      this.keys = keys;
      this.order = order;
      this.packed = new long[keys.length];
      this.scratch = new int[keys.length];
    }

    /** Sorts order[lo, hi), whose keys all agree on their first {@code depth} bytes. */
    void sortRun(int lo, int hi, int depth, Deque<int[]> runs) {
      if (hi - lo <= SMALL_RUN) {
        insertionSort(lo, hi);
        return;
      }
      int indexBits = 32 - Integer.numberOfLeadingZeros(hi - lo - 1);
      // What is left of 64 bits after the position and the length code, in whole bytes: 3 to 6.
      int digitBytes = (64 - indexBits - LENGTH_BITS) / 8;
      for (int i = lo; i < hi; i++) {
        // Flipping the sign bit makes the signed primitive sort order the digits as unsigned.
        packed[i] = (digit(keys[order[i]], depth, digitBytes) << indexBits | (i - lo)) ^ Long.MIN_VALUE;
      }
      Arrays.sort(packed, lo, hi);
      long positionMask = (1L << indexBits) - 1;
      for (int i = lo; i < hi; i++) {
        scratch[i] = order[lo + (int) (packed[i] & positionMask)];
      }
      System.arraycopy(scratch, lo, order, lo, hi - lo);
      pushTies(lo, hi, depth, indexBits, digitBytes, runs);
    }

    /** Keys with equal digits are undecided: each such run goes one digit deeper. */
    private void pushTies(int lo, int hi, int depth, int indexBits, int digitBytes, Deque<int[]> runs) {
      int start = lo;
      while (start < hi) {
        long digit = (packed[start] ^ Long.MIN_VALUE) >>> indexBits;
        int end = start + 1;
        while (end < hi && (packed[end] ^ Long.MIN_VALUE) >>> indexBits == digit) {
          end++;
        }
        if (end - start > 1) {
          if ((digit & ((1 << LENGTH_BITS) - 1)) <= digitBytes) {
            throw new IllegalArgumentException("duplicate key " + SnapshotValueCodec.printable(keys[order[start]]));
          }
          runs.push(new int[] {start, end, depth + digitBytes});
        }
        start = end;
      }
    }

    private void insertionSort(int lo, int hi) {
      for (int i = lo + 1; i < hi; i++) {
        int moving = order[i];
        int j = i;
        while (j > lo && Arrays.compareUnsigned(keys[order[j - 1]], keys[moving]) > 0) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = moving;
      }
    }
  }

  /**
   * Bytes [depth, depth + digitBytes) of the key, zero-padded, then a length code. A key that ends
   * inside the digit gets a smaller code than a longer key with the same (padded) bytes, which is
   * what bytewise order says: a prefix sorts first. Fits in 8 * digitBytes + LENGTH_BITS bits.
   */
  static long digit(byte[] key, int depth, int digitBytes) {
    int remaining = Math.max(0, key.length - depth);
    int present = Math.min(remaining, digitBytes);
    long bits = 0;
    for (int i = 0; i < digitBytes; i++) {
      bits = bits << 8 | (i < present ? key[depth + i] & 0xFF : 0);
    }
    return bits << LENGTH_BITS | Math.min(remaining, digitBytes + 1);
  }
}
