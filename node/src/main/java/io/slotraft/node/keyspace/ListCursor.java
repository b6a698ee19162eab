package io.slotraft.node.keyspace;

/**
 * A position in a {@link ListValue}, stepped one element at a time in either direction in O(1);
 * what LRANGE, LPOS, LINSERT and LREM-like walks use instead of looking up every index anew. Any
 * change to the list leaves its cursors invalid.
 */
public final class ListCursor {
  private final ListValue list;
  int chunk;
  int offset;
  private int index;

  ListCursor(ListValue list, int chunk, int offset, int index) {
    this.list = list;
    this.chunk = chunk;
    this.offset = offset;
    this.index = index;
  }

  /** The index of the element under the cursor, counted from the head. */
  public int index() {
    return index;
  }

  /** False once the cursor has stepped past either end. */
  public boolean isValid() {
    return index >= 0 && index < list.size();
  }

  /** A copy of the element under the cursor. */
  public byte[] element() {
    return list.chunk(chunk).elementAt(offset);
  }

  public boolean matches(byte[] value) {
    return list.chunk(chunk).matchesAt(offset, value);
  }

  /** Steps towards the tail. */
  public void next() {
    index++;
    if (index >= list.size()) {
      return;
    }
    PackedChunk current = list.chunk(chunk);
    offset = current.next(offset);
    if (offset == current.tail()) {
      chunk++;
      offset = list.chunk(chunk).head();
    }
  }

  /** Steps towards the head. */
  public void previous() {
    index--;
    if (index < 0) {
      return;
    }
    PackedChunk current = list.chunk(chunk);
    if (offset == current.head()) {
      chunk--;
      current = list.chunk(chunk);
      offset = current.tail();
    }
    offset = current.previous(offset);
  }
}
