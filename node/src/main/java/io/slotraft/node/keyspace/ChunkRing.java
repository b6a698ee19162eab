package io.slotraft.node.keyspace;

/**
 * The chunks of one list in order, in a ring buffer: adding or removing a chunk at either end is
 * O(1), which keeps pushes and pops O(1) however long the list. Inserting or removing in the
 * middle (a split chunk, a chunk emptied by LREM) shifts the chunks after it, as an array would.
 */
final class ChunkRing {
  private PackedChunk[] slots;
  private int first;
  private int size;

  ChunkRing() {
    this(new PackedChunk[1]);
  }

  private ChunkRing(PackedChunk[] slots) {
    this.slots = slots;
  }

  int size() {
    return size;
  }

  PackedChunk get(int index) {
    return slots[slot(index)];
  }

  PackedChunk first() {
    return get(0);
  }

  PackedChunk last() {
    return get(size - 1);
  }

  void addFirst(PackedChunk chunk) {
    growIfFull();
    first = (first - 1) & (slots.length - 1);
    slots[first] = chunk;
    size++;
  }

  void addLast(PackedChunk chunk) {
    growIfFull();
    slots[slot(size)] = chunk;
    size++;
  }

  /** Inserts {@code chunk} so that it becomes the one at {@code index}. */
  void insert(int index, PackedChunk chunk) {
    addLast(chunk);
    for (int i = size - 1; i > index; i--) {
      slots[slot(i)] = get(i - 1);
    }
    slots[slot(index)] = chunk;
  }

  void remove(int index) {
    if (index == 0) {
      slots[first] = null;
      first = (first + 1) & (slots.length - 1);
    } else {
      for (int i = index; i < size - 1; i++) {
        slots[slot(i)] = get(i + 1);
      }
      slots[slot(size - 1)] = null;
    }
    size--;
    // A list popped down from a long one should not keep the long one's slot array.
    if (slots.length > 8 && size < slots.length / 4) {
      resize(capacityFor(size * 2));
    }
  }

  /** A ring of copies of every chunk. */
  ChunkRing deepCopy() {
    ChunkRing copy = new ChunkRing(new PackedChunk[capacityFor(size)]);
    for (int i = 0; i < size; i++) {
      copy.slots[i] = get(i).copy();
    }
    copy.size = size;
    return copy;
  }

  /** Heap bytes of the slot array itself, not of the chunks. */
  long slotBytes() {
    return 16L + 4L * slots.length;
  }

  private int slot(int index) {
    return (first + index) & (slots.length - 1);
  }

  private void growIfFull() {
    if (size == slots.length) {
      resize(slots.length * 2);
    }
  }

  private void resize(int capacity) {
    PackedChunk[] fresh = new PackedChunk[capacity];
    for (int i = 0; i < size; i++) {
      fresh[i] = get(i);
    }
    slots = fresh;
    first = 0;
  }

  /** The smallest power of two that holds {@code count} slots (the index arithmetic masks with it). */
  private static int capacityFor(int count) {
    return count <= 1 ? 1 : Integer.highestOneBit(count - 1) << 1;
  }
}
