package io.slotraft.node.keyspace;

import java.util.function.IntConsumer;

/**
 * What hashes and sets share: their elements as {@link PackedRecords}, found by key through a
 * {@link PositionIndex} once there are more than a few. Small collections have no index: a lookup
 * compares the few records one by one, and a scan returns them all at once with cursor 0, as Redis
 * does for its small listpack encodings.
 *
 * <p>Elements are addressed by position, 0 to {@code size() - 1}, in an order every replica shares
 * (see {@link PackedRecords}); a position is valid until the next change.
 */
public abstract class PackedCollection extends MutableValue {
  /** The most bytes of elements one collection holds (see {@link PackedRecords#MAX_BYTES}). */
  public static final long MAX_BYTES = PackedRecords.MAX_BYTES;
  /** Above this many elements a lookup goes through an index; at half of it the index is dropped. */
  static final int LINEAR_LIMIT = 16;

  final PackedRecords records;
  private PositionIndex index;

  PackedCollection(PackedRecords records) {
    this.records = records;
    this.index = records.size() > LINEAR_LIMIT ? PositionIndex.build(records) : null;
  }

  /** A deep copy of {@code other}, for {@link #copy()}. */
  PackedCollection(PackedCollection other) {
    this.records = other.records.copy();
    this.index = other.index == null ? null : other.index.copy();
  }

  @Override
  public final int size() {
    return records.size();
  }

  @Override
  public final long approximateBytes() {
    return 24L + records.approximateBytes() + (index == null ? 0 : index.approximateBytes());
  }

  /**
   * Whether {@code elements} more elements of {@code bytes} bytes in all (keys and values) would
   * still fit, replacing nothing. Commands check before they change anything, so that a command
   * refused for size changes nothing at all.
   */
  public final boolean hasRoomFor(long elements, long bytes) {
    long worstCase = bytes + 10 * elements;
    return worstCase >= 0 && records.liveBytes() + worstCase <= MAX_BYTES;
  }

  /** Visits every position in order. */
  public final void forEachPosition(IntConsumer visitor) {
    for (int pos = 0; pos < records.size(); pos++) {
      visitor.accept(pos);
    }
  }

  /**
   * One step of HSCAN or SSCAN: visits some positions and returns the next cursor, 0 at the end.
   * An element present for the whole scan is visited at least once, however the collection grows
   * or shrinks between steps; it may be visited more than once.
   */
  public final long scanStep(long cursor, IntConsumer visitor) {
    if (index == null) {
      forEachPosition(visitor);
      return 0;
    }
    return index.scanStep(records, cursor, visitor);
  }

  /** The position of the element whose key is {@code key}, or -1. */
  final int find(byte[] key) {
    if (index != null) {
      return index.find(records, key);
    }
    for (int pos = 0; pos < records.size(); pos++) {
      if (records.keyEquals(pos, key)) {
        return pos;
      }
    }
    return -1;
  }

  /** Adds an element whose key is known to be absent, at position {@code size()}. */
  final void append(byte[] key, byte[] value) {
    records.add(key, value);
    if (index != null) {
      index.insert(records, records.size() - 1);
    } else if (records.size() > LINEAR_LIMIT) {
      index = PositionIndex.build(records);
    }
  }

  /** Removes the element at {@code pos}; the last element takes its position. */
  public final void removeAt(int pos) {
    int last = records.size() - 1;
    if (index != null) {
      index.remove(records, pos);
      if (pos != last) {
        index.renumber(records, last, pos);
      }
    }
    records.removeSwap(pos);
    if (index != null && records.size() < LINEAR_LIMIT / 2) {
      index = null;
    } else if (index != null) {
      index.shrinkIfSparse(records);
    }
  }

  /** Refuses records read from outside (a snapshot) that name one key twice. */
  final void checkDistinct() {
    for (int pos = 0; pos < records.size(); pos++) {
      if (find(records.key(pos)) != pos) {
        throw new IllegalArgumentException("element " + pos + " repeats an earlier one");
      }
    }
  }

  /** The elements in the form snapshots store (see {@code SetSnapshot} and {@code HashSnapshot}). */
  public final byte[] toPackedBytes() {
    return records.export();
  }
}
