package io.slotraft.node.keyspace;

import java.util.Arrays;

/**
 * A run of consecutive list elements packed into one byte array (layout in {@link PackedEntries}),
 * occupying {@code buf[head, tail)} with free room on both sides so that elements can be pushed
 * and popped at either end without moving the others. A million three-byte elements take about
 * five megabytes this way, where one array per element would take over thirty.
 *
 * <p>A chunk stops taking pushes at {@link #TARGET_BYTES} (the list then starts a new one), which
 * also bounds what an edit in the middle (LSET, LINSERT) costs: one copy of one chunk. An element
 * larger than that sits alone in a chunk of its own size. A chunk in a list is never empty.
 */
final class PackedChunk {
  static final int TARGET_BYTES = 4096;
  private static final int MIN_CAPACITY = 16;

  private byte[] buf;
  private int head;
  private int tail;
  private int count;

  private PackedChunk(byte[] buf, int head, int tail, int count) {
    this.buf = buf;
    this.head = head;
    this.tail = tail;
    this.count = count;
  }

  static PackedChunk empty() {
    return new PackedChunk(new byte[0], 0, 0, 0);
  }

  int count() {
    return count;
  }

  int head() {
    return head;
  }

  int tail() {
    return tail;
  }

  int usedBytes() {
    return tail - head;
  }

  /** Heap bytes held: the array with its header, and this object. */
  long heapBytes() {
    return 16L + buf.length + 32;
  }

  /** A copy holding exactly the used bytes; nothing is shared with this chunk. */
  PackedChunk copy() {
    return new PackedChunk(Arrays.copyOfRange(buf, head, tail), 0, tail - head, count);
  }

  /** Pushes before the first element; false when a non-empty chunk is full and the list needs a new one. */
  boolean tryPushFirst(byte[] element) {
    int size = PackedEntries.entrySize(element.length);
    if (head < size) {
      if (isFullFor(size)) {
        return false;
      }
      makeRoom(size, true);
    }
    head -= size;
    PackedEntries.write(buf, head, element);
    count++;
    return true;
  }

  /** Pushes after the last element; false when a non-empty chunk is full and the list needs a new one. */
  boolean tryPushLast(byte[] element) {
    int size = PackedEntries.entrySize(element.length);
    if (buf.length - tail < size) {
      if (isFullFor(size)) {
        return false;
      }
      makeRoom(size, false);
    }
    tail = PackedEntries.write(buf, tail, element);
    count++;
    return true;
  }

  byte[] popFirst() {
    byte[] element = elementAt(head);
    dropFirst();
    return element;
  }

  byte[] popLast() {
    int start = PackedEntries.entryStart(buf, tail);
    byte[] element = elementAt(start);
    tail = start;
    count--;
    return element;
  }

  void dropFirst() {
    head = PackedEntries.entryEnd(buf, head);
    count--;
  }

  void dropLast() {
    tail = PackedEntries.entryStart(buf, tail);
    count--;
  }

  /** Offset of the entry after the one starting at {@code start}; {@link #tail()} after the last. */
  int next(int start) {
    return PackedEntries.entryEnd(buf, start);
  }

  /** Offset of the entry before the one starting at {@code start}, which must not be the first. */
  int previous(int start) {
    return PackedEntries.entryStart(buf, start);
  }

  /** A copy of the element whose entry starts at {@code start}. */
  byte[] elementAt(int start) {
    int length = PackedEntries.lengthAt(buf, start);
    int from = start + PackedEntries.varintSize(length);
    return Arrays.copyOfRange(buf, from, from + length);
  }

  /** True when the element at {@code start} equals {@code value}, compared in place. */
  boolean matchesAt(int start, byte[] value) {
    int length = PackedEntries.lengthAt(buf, start);
    if (length != value.length) {
      return false;
    }
    int from = start + PackedEntries.varintSize(length);
    return Arrays.equals(buf, from, from + length, value, 0, length);
  }

  /** Hands the element at {@code start} to {@code visitor} as a slice of this chunk's array. */
  void visitAt(int start, ListValue.SliceVisitor visitor) {
    int length = PackedEntries.lengthAt(buf, start);
    visitor.visit(buf, start + PackedEntries.varintSize(length), length);
  }

  /**
   * Replaces the entries in {@code [from, to)} by one entry for {@code element}: {@code from ==
   * to} inserts before the entry at {@code from} (or appends at {@link #tail()}), otherwise the
   * single entry there is overwritten. The chunk may end up above {@link #TARGET_BYTES}; the list
   * splits it then.
   */
  void splice(int from, int to, byte[] element) {
    int size = PackedEntries.entrySize(element.length);
    byte[] fresh = new byte[usedBytes() - (to - from) + size];
    System.arraycopy(buf, head, fresh, 0, from - head);
    int end = PackedEntries.write(fresh, from - head, element);
    System.arraycopy(buf, to, fresh, end, tail - to);
    count += from == to ? 1 : 0;
    buf = fresh;
    head = 0;
    tail = fresh.length;
  }

  /** Moves the second half of the elements into a new chunk, for a chunk of two or more grown too big. */
  PackedChunk splitOffSecondHalf() {
    int at = head;
    for (int i = 0; i < count / 2; i++) {
      at = next(at);
    }
    PackedChunk second = new PackedChunk(Arrays.copyOfRange(buf, at, tail), 0, tail - at, count - count / 2);
    buf = Arrays.copyOfRange(buf, head, at);
    count = count / 2;
    head = 0;
    tail = buf.length;
    return second;
  }

  /** Number of elements equal to {@code value}. */
  int countMatches(byte[] value) {
    int matches = 0;
    for (int at = head; at < tail; at = next(at)) {
      if (matchesAt(at, value)) {
        matches++;
      }
    }
    return matches;
  }

  /**
   * Removes elements equal to {@code value}, walking from the head: the first {@code skip}
   * matches are kept, the next {@code limit} removed. The kept entries are moved up in place.
   * Returns how many were removed.
   */
  int removeMatches(byte[] value, int skip, long limit) {
    int write = head;
    int removed = 0;
    int at = head;
    while (at < tail) {
      int end = next(at);
      boolean drop = removed < limit && matchesAt(at, value) && skip-- <= 0;
      if (drop) {
        removed++;
      } else {
        if (write != at) {
          System.arraycopy(buf, at, buf, write, end - at);
        }
        write += end - at;
      }
      at = end;
    }
    tail = write;
    count -= removed;
    if (usedBytes() < buf.length / 4) {
      // Most of it was removed: keep the rest, not the array it used to need.
      buf = Arrays.copyOfRange(buf, head, tail);
      head = 0;
      tail = buf.length;
    }
    return removed;
  }

  /** Moves every element of {@code next}, the chunk after this one, to the end of this one. */
  void absorb(PackedChunk next) {
    byte[] joined = new byte[usedBytes() + next.usedBytes()];
    System.arraycopy(buf, head, joined, 0, usedBytes());
    System.arraycopy(next.buf, next.head, joined, usedBytes(), next.usedBytes());
    buf = joined;
    head = 0;
    tail = joined.length;
    count += next.count;
  }

  private boolean isFullFor(int size) {
    return count > 0 && usedBytes() + size > TARGET_BYTES;
  }

  /**
   * Re-lays the entries so that at least {@code size} bytes are free on the pushing side, growing
   * the array (doubling, up to {@link #TARGET_BYTES}) when it lacks room in total. The other side
   * keeps at most a quarter of the free room: a chunk pushed from one side only (every chunk but a
   * list's only one) ends up with no slack, and one pushed from both sides in turn still gets room
   * on each side, so that alternating pushes do not move the entries every time.
   */
  private void makeRoom(int size, boolean atFront) {
    int used = usedBytes();
    int capacity = buf.length;
    if (used + size > capacity) {
      capacity = Math.max(used + size, Math.min(TARGET_BYTES, Math.max(MIN_CAPACITY, 2 * capacity)));
    }
    int free = capacity - used;
    int otherSide = Math.min(atFront ? buf.length - tail : head, Math.max(0, (free - size) / 4));
    int newHead = atFront ? free - otherSide : otherSide;
    byte[] target = capacity == buf.length ? buf : new byte[capacity];
    System.arraycopy(buf, head, target, newHead, used);
    buf = target;
    head = newHead;
    tail = newHead + used;
  }
}
