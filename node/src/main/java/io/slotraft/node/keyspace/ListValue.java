package io.slotraft.node.keyspace;

/**
 * A Redis list: byte-string elements in order, pushed and popped at either end in O(1).
 *
 * <p>Elements live packed in {@link PackedChunk}s of up to about 4 KB, held in a {@link ChunkRing}:
 * no object per element, about two bytes of overhead per small element (see {@link PackedEntries}).
 * Reaching an index walks chunk counts from the nearer end, then entries inside one chunk, so it
 * costs O(chunks + chunk size), as Redis's quicklist does. Elements handed in are copied into the
 * chunks and elements handed out are fresh copies, so callers keep no view into a chunk, except
 * through {@link #forEach}.
 *
 * <p>Change it only through {@link ExecutionContext#forUpdate}; an empty list must be deleted by
 * the command that emptied it.
 */
public final class ListValue extends MutableValue {
  /** Receives one element as a slice of a chunk's array, which it must not change. */
  @FunctionalInterface
  public interface SliceVisitor {
    void visit(byte[] array, int offset, int length);
  }

  private final ChunkRing chunks;
  private int size;

  public ListValue() {
    this(new ChunkRing(), 0);
  }

  private ListValue(ChunkRing chunks, int size) {
    this.chunks = chunks;
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String typeName() {
    return "list";
  }

  @Override
  public long approximateBytes() {
    long bytes = 64 + chunks.slotBytes();
    for (int i = 0; i < chunks.size(); i++) {
      bytes += chunks.get(i).heapBytes();
    }
    return bytes;
  }

  @Override
  protected MutableValue copy() {
    return new ListValue(chunks.deepCopy(), size);
  }

  public void pushFirst(byte[] element) {
    if (chunks.size() == 0 || !chunks.first().tryPushFirst(element)) {
      PackedChunk chunk = PackedChunk.empty();
      chunk.tryPushFirst(element);
      chunks.addFirst(chunk);
    }
    size++;
  }

  public void pushLast(byte[] element) {
    if (chunks.size() == 0 || !chunks.last().tryPushLast(element)) {
      PackedChunk chunk = PackedChunk.empty();
      chunk.tryPushLast(element);
      chunks.addLast(chunk);
    }
    size++;
  }

  /** The first element, removed; null when the list is empty. */
  public byte[] popFirst() {
    if (size == 0) {
      return null;
    }
    PackedChunk chunk = chunks.first();
    byte[] element = chunk.popFirst();
    removeIfEmpty(0, chunk);
    size--;
    return element;
  }

  /** The last element, removed; null when the list is empty. */
  public byte[] popLast() {
    if (size == 0) {
      return null;
    }
    PackedChunk chunk = chunks.last();
    byte[] element = chunk.popLast();
    removeIfEmpty(chunks.size() - 1, chunk);
    size--;
    return element;
  }

  /** Removes the first {@code n} elements (all of them when {@code n >= size}). */
  public void removeFirst(int n) {
    while (n > 0 && size > 0) {
      PackedChunk chunk = chunks.first();
      int taken = Math.min(n, chunk.count());
      if (taken == chunk.count()) {
        chunks.remove(0);
      } else {
        for (int i = 0; i < taken; i++) {
          chunk.dropFirst();
        }
      }
      n -= taken;
      size -= taken;
    }
  }

  /** Removes the last {@code n} elements (all of them when {@code n >= size}). */
  public void removeLast(int n) {
    while (n > 0 && size > 0) {
      PackedChunk chunk = chunks.last();
      int taken = Math.min(n, chunk.count());
      if (taken == chunk.count()) {
        chunks.remove(chunks.size() - 1);
      } else {
        for (int i = 0; i < taken; i++) {
          chunk.dropLast();
        }
      }
      n -= taken;
      size -= taken;
    }
  }

  /** A cursor on the element at {@code index}, which must be in {@code [0, size)}. */
  public ListCursor cursor(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of a list of " + size);
    }
    int chunk;
    int before;
    if (index < size / 2) {
      chunk = 0;
      before = 0;
      while (before + chunks.get(chunk).count() <= index) {
        before += chunks.get(chunk).count();
        chunk++;
      }
    } else {
      chunk = chunks.size() - 1;
      before = size - chunks.get(chunk).count();
      while (before > index) {
        chunk--;
        before -= chunks.get(chunk).count();
      }
    }
    return new ListCursor(this, chunk, offsetWithin(chunks.get(chunk), index - before), index);
  }

  /** A copy of the element at {@code index}, which must be in {@code [0, size)}. */
  public byte[] get(int index) {
    return cursor(index).element();
  }

  /** Replaces the element under {@code at}; the cursor is not valid afterwards. */
  public void set(ListCursor at, byte[] element) {
    PackedChunk chunk = chunks.get(at.chunk);
    chunk.splice(at.offset, chunk.next(at.offset), element);
    splitIfTooBig(at.chunk);
  }

  /** Inserts before or after the element under {@code at}; the cursor is not valid afterwards. */
  public void insert(ListCursor at, boolean after, byte[] element) {
    PackedChunk chunk = chunks.get(at.chunk);
    int where = after ? chunk.next(at.offset) : at.offset;
    chunk.splice(where, where, element);
    size++;
    splitIfTooBig(at.chunk);
  }

  /**
   * Removes elements equal to {@code element}: up to {@code count} from the head when it is
   * positive, up to {@code -count} from the tail when negative, all of them when 0 (as LREM).
   * Returns how many were removed.
   */
  public long remove(byte[] element, long count) {
    long limit = count == 0 || count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
    long removed = count >= 0 ? removeFromHead(element, limit) : removeFromTail(element, limit);
    size -= (int) removed;
    if (removed > 0) {
      mergeSmallNeighbours();
    }
    return removed;
  }

  /** Visits every element from the head, as slices of the chunks' arrays. */
  public void forEach(SliceVisitor visitor) {
    for (int i = 0; i < chunks.size(); i++) {
      PackedChunk chunk = chunks.get(i);
      for (int at = chunk.head(); at < chunk.tail(); at = chunk.next(at)) {
        chunk.visitAt(at, visitor);
      }
    }
  }

  PackedChunk chunk(int index) {
    return chunks.get(index);
  }

  /** Number of chunks; for tests of the packing. */
  int chunkCount() {
    return chunks.size();
  }

  private long removeFromHead(byte[] element, long limit) {
    long removed = 0;
    int i = 0;
    while (i < chunks.size() && removed < limit) {
      PackedChunk chunk = chunks.get(i);
      removed += chunk.removeMatches(element, 0, limit - removed);
      i = removeIfEmpty(i, chunk) ? i : i + 1;
    }
    return removed;
  }

  private long removeFromTail(byte[] element, long limit) {
    long removed = 0;
    for (int i = chunks.size() - 1; i >= 0 && removed < limit; i--) {
      PackedChunk chunk = chunks.get(i);
      int matches = chunk.countMatches(element);
      if (matches > 0) {
        int taken = (int) Math.min(matches, limit - removed);
        removed += chunk.removeMatches(element, matches - taken, taken);
        removeIfEmpty(i, chunk);
      }
    }
    return removed;
  }

  private boolean removeIfEmpty(int index, PackedChunk chunk) {
    if (chunk.count() > 0) {
      return false;
    }
    chunks.remove(index);
    return true;
  }

  /**
   * After removals in the middle: neighbours that fit in half a chunk together become one, so that
   * a list thinned out by LREM does not keep a chunk (and its overhead) per few elements.
   */
  private void mergeSmallNeighbours() {
    int i = 0;
    while (i + 1 < chunks.size()) {
      PackedChunk chunk = chunks.get(i);
      PackedChunk next = chunks.get(i + 1);
      if (chunk.usedBytes() + next.usedBytes() <= PackedChunk.TARGET_BYTES / 2) {
        chunk.absorb(next);
        chunks.remove(i + 1);
      } else {
        i++;
      }
    }
  }

  /** After an edit in the middle: a chunk above the target size is cut in two. */
  private void splitIfTooBig(int index) {
    PackedChunk chunk = chunks.get(index);
    if (chunk.usedBytes() > PackedChunk.TARGET_BYTES && chunk.count() > 1) {
      chunks.insert(index + 1, chunk.splitOffSecondHalf());
    }
  }

  /** Offset of the {@code within}-th entry of {@code chunk}, walking from its nearer end. */
  private static int offsetWithin(PackedChunk chunk, int within) {
    int offset;
    if (within <= chunk.count() / 2) {
      offset = chunk.head();
      for (int i = 0; i < within; i++) {
        offset = chunk.next(offset);
      }
    } else {
      offset = chunk.tail();
      for (int i = chunk.count(); i > within; i--) {
        offset = chunk.previous(offset);
      }
    }
    return offset;
  }
}
