package io.slotraft.node.keyspace;

/**
 * The byte layout of one list element inside a {@link PackedChunk}: its length as a varint, its
 * bytes, then the same varint written backwards. The leading length lets a walk go forwards, the
 * trailing one lets it go backwards (for RPOP, LRANGE from the tail, LREM with a negative count),
 * at two bytes of overhead for an element shorter than 128 bytes.
 *
 * <p>Varints are little-endian groups of 7 bits, the high bit of a byte meaning "more follow".
 * The backward copy holds the same bytes in reverse order, so that reading from its last byte
 * towards the front meets the groups in the same order as the forward read.
 */
final class PackedEntries {
  private PackedEntries() {}

  static int varintSize(int value) {
    int size = 1;
    while ((value >>>= 7) != 0) {
      size++;
    }
    return size;
  }

  /** Bytes the element takes, both lengths included. */
  static int entrySize(int length) {
    return length + 2 * varintSize(length);
  }

  /** Writes the entry for {@code element} at {@code at}; returns the offset just past it. */
  static int write(byte[] buf, int at, byte[] element) {
    int size = varintSize(element.length);
    writeForward(buf, at, element.length);
    System.arraycopy(element, 0, buf, at + size, element.length);
    int end = at + size + element.length + size;
    writeBackward(buf, end, element.length);
    return end;
  }

  /** The element's length, from the entry starting at {@code start}. */
  static int lengthAt(byte[] buf, int start) {
    int value = 0;
    int shift = 0;
    byte b;
    do {
      b = buf[start++];
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return value;
  }

  /** The element's length, from the entry ending just before {@code end}. */
  static int lengthBefore(byte[] buf, int end) {
    int value = 0;
    int shift = 0;
    byte b;
    do {
      b = buf[--end];
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return value;
  }

  /** Offset of the element's first byte in the entry starting at {@code start}. */
  static int dataStart(byte[] buf, int start) {
    return start + varintSize(lengthAt(buf, start));
  }

  /** Offset just past the entry starting at {@code start}. */
  static int entryEnd(byte[] buf, int start) {
    return start + entrySize(lengthAt(buf, start));
  }

  /** Offset of the start of the entry ending just before {@code end}. */
  static int entryStart(byte[] buf, int end) {
    return end - entrySize(lengthBefore(buf, end));
  }

  private static void writeForward(byte[] buf, int at, int value) {
    while ((value & ~0x7F) != 0) {
      buf[at++] = (byte) (value | 0x80);
      value >>>= 7;
    }
    buf[at] = (byte) value;
  }

  private static void writeBackward(byte[] buf, int end, int value) {
    while ((value & ~0x7F) != 0) {
      buf[--end] = (byte) (value | 0x80);
      value >>>= 7;
    }
    buf[--end] = (byte) value;
  }
}
