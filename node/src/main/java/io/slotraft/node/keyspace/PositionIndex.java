package io.slotraft.node.keyspace;

import java.util.function.IntConsumer;

/**
 * Finds a record of {@link PackedRecords} by key: an open-addressing table with linear probing over
 * a power-of-two number of slots, each holding a record position plus one (0 is an empty slot).
 * Four bytes a slot, and no hashes stored: they are recomputed from the key bytes when needed, as
 * Redis does when it rehashes.
 *
 * <p>HSCAN and SSCAN need Redis's guarantee that an element present for a whole scan is returned
 * at least once while the table grows or shrinks between calls. Redis gets it from chained buckets
 * walked in reverse-binary order. Here the "bucket" of an element is its home slot (hash and mask),
 * and a scan step visits the elements whose home is the cursor's slot. Linear probing keeps every
 * element in the unbroken run of full slots that starts at its home (deletion shifts elements back
 * to keep it so), so one step walks that run. Buckets defined by hash bits split and merge on
 * resize exactly as chained ones do, so Redis's cursor arithmetic carries over unchanged.
 */
final class PositionIndex {
  private static final int MIN_CAPACITY = 32;

  private int[] slots;
  private int count;

  private PositionIndex(int capacity) {
    slots = new int[capacity];
  }

  /** An index of every record. */
  static PositionIndex build(PackedRecords records) {
    PositionIndex index = new PositionIndex(capacityFor(records.size()));
    index.placeAll(records);
    return index;
  }

  PositionIndex copy() {
    PositionIndex copy = new PositionIndex(0);
    copy.slots = slots.clone();
    copy.count = count;
    return copy;
  }

  long approximateBytes() {
    return 24L + 16 + 4L * slots.length;
  }

  /** The position of the record whose key is {@code key}, or -1. */
  int find(PackedRecords records, byte[] key) {
    int mask = slots.length - 1;
    for (int i = PackedRecords.hash(key, 0, key.length) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (records.keyEquals(slots[i] - 1, key)) {
        return slots[i] - 1;
      }
    }
    return -1;
  }

  /** Indexes the record just added at {@code pos}; grows first if the table would be over 3/4 full. */
  void insert(PackedRecords records, int pos) {
    if (++count > (long) slots.length * 3 / 4) {
      slots = new int[capacityFor(count)];
      placeAll(records);
      return;
    }
    place(pos, records.keyHash(pos));
  }

  /**
   * Forgets the record at {@code pos}, which is still in {@code records}. Elements after it in its
   * run move back into the hole when their home allows, so that no run has a gap.
   */
  void remove(PackedRecords records, int pos) {
    int mask = slots.length - 1;
    int hole = slotOf(records, pos);
    slots[hole] = 0;
    count--;
    for (int i = (hole + 1) & mask; slots[i] != 0; i = (i + 1) & mask) {
      int home = records.keyHash(slots[i] - 1) & mask;
      // The element may fill the hole unless its home lies after the hole, up to where it sits.
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        slots[hole] = slots[i];
        slots[i] = 0;
        hole = i;
      }
    }
  }

  /** Records that the record at {@code from} now sits at {@code to} (its key unchanged). */
  void renumber(PackedRecords records, int from, int to) {
    slots[slotOf(records, from)] = to + 1;
  }

  /** Halves the table (or more) once it is under 1/8 full, so a drained collection gives memory back. */
  void shrinkIfSparse(PackedRecords records) {
    if (slots.length > MIN_CAPACITY && count < slots.length / 8) {
      slots = new int[capacityFor(count)];
      placeAll(records);
    }
  }

  /**
   * Visits the positions of the elements whose home slot is the cursor's, and returns the next
   * cursor (0 when the scan is over): the cursor counts up in its reversed masked bits, as in
   * Redis's dictScan, so that buckets visited before a resize need not be visited again.
   */
  long scanStep(PackedRecords records, long cursor, IntConsumer visitor) {
    int mask = slots.length - 1;
    int bucket = (int) (cursor & mask);
    for (int i = bucket; slots[i] != 0; i = (i + 1) & mask) {
      if ((records.keyHash(slots[i] - 1) & mask) == bucket) {
        visitor.accept(slots[i] - 1);
      }
    }
    long v = cursor | ~((long) mask);
    v = Long.reverse(v);
    v++;
    return Long.reverse(v);
  }

  /** The slot holding {@code pos}, found by probing from the home of its key. */
  private int slotOf(PackedRecords records, int pos) {
    int mask = slots.length - 1;
    int i = records.keyHash(pos) & mask;
    while (slots[i] != pos + 1) {
      if (slots[i] == 0) {
        throw new IllegalStateException("record " + pos + " is not indexed");
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  private void placeAll(PackedRecords records) {
    count = records.size();
    for (int pos = 0; pos < count; pos++) {
      place(pos, records.keyHash(pos));
    }
  }

  private void place(int pos, int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = pos + 1;
  }

  /** The smallest power of two, at least {@link #MIN_CAPACITY}, that holds {@code count} at most 3/4 full. */
  private static int capacityFor(int count) {
    int capacity = MIN_CAPACITY;
    while ((long) capacity * 3 / 4 < count) {
      capacity <<= 1;
    }
    return capacity;
  }
}
