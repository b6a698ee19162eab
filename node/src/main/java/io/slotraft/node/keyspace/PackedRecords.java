package io.slotraft.node.keyspace;

import java.util.Arrays;

/**
 * The elements of one hash or set, packed back to back in one byte array (the arena) rather than
 * as one Java object per element: a million small elements cost a few large arrays, not millions of
 * objects for the heap to hold and the collector to trace.
 *
 * <p>A record is a key (a set member or a hash field) and, for hashes, a value, each written as a
 * varint length followed by its bytes. Records are numbered 0 to size-1 in a dense order: a new
 * record goes last, and removing one moves the last record into its place. Replicas apply the same
 * changes in the same order, so they agree on this order; random choices (SPOP, HRANDFIELD) pick
 * positions in it, and snapshots write records in it, so a replica loaded from a snapshot agrees too.
 *
 * <p>Removed and replaced records leave garbage in the arena. It is dropped whenever the arena is
 * reallocated, and after a removal once it outweighs the live bytes, which keeps the copying
 * amortised to a constant per changed byte.
 */
final class PackedRecords {
  /**
   * The most bytes of records one collection holds. A snapshot writes a collection as one protobuf
   * bytes field, and protobuf messages stay under 2 GiB; the margin leaves room for its framing.
   */
  static final int MAX_BYTES = Integer.MAX_VALUE - 1024;
  /** Garbage below this many bytes is never worth a compaction of its own. */
  private static final int GARBAGE_SLACK = 64;

  private final boolean pairs;
  private byte[] arena;
  private int used;
  private int garbage;
  private int[] starts;
  private int size;

  private PackedRecords(boolean pairs, byte[] arena, int used, int garbage, int[] starts, int size) {
    this.pairs = pairs;
    this.arena = arena;
    this.used = used;
    this.garbage = garbage;
    this.starts = starts;
    this.size = size;
  }

  /** Empty records: with {@code pairs} each record holds a key and a value (a hash), else a key only. */
  static PackedRecords empty(boolean pairs) {
    return new PackedRecords(pairs, new byte[0], 0, 0, new int[0], 0);
  }

  /** A copy sharing no array with this one, so that either can change without the other seeing it. */
  PackedRecords copy() {
    return new PackedRecords(pairs, arena.clone(), used, garbage, starts.clone(), size);
  }

  int size() {
    return size;
  }

  /** Bytes of the live records, varint lengths included: what {@link #export} returns. */
  int liveBytes() {
    return used - garbage;
  }

  /** Bytes one record of these lengths takes; {@code valueLength} is ignored without pairs. */
  long recordBytes(long keyLength, long valueLength) {
    long bytes = varintSize(keyLength) + keyLength;
    return pairs ? bytes + varintSize(valueLength) + valueLength : bytes;
  }

  long approximateBytes() {
    return 16L + arena.length + 16L + 4L * starts.length + 32;
  }

  boolean keyEquals(int pos, byte[] key) {
    int at = starts[pos];
    int length = lengthAt(at);
    int from = at + varintSize(length);
    return length == key.length && Arrays.equals(arena, from, from + length, key, 0, length);
  }

  int keyHash(int pos) {
    int from = keyOffset(pos);
    return hash(arena, from, from + keyLength(pos));
  }

  byte[] key(int pos) {
    int from = keyOffset(pos);
    return Arrays.copyOfRange(arena, from, from + keyLength(pos));
  }

  byte[] value(int pos) {
    int lengthAt = valueLengthOffset(pos);
    int length = lengthAt(lengthAt);
    int from = lengthAt + varintSize(length);
    return Arrays.copyOfRange(arena, from, from + length);
  }

  int valueLength(int pos) {
    return lengthAt(valueLengthOffset(pos));
  }

  /** Appends a record at position {@link #size()}; {@code value} is ignored without pairs. */
  void add(byte[] key, byte[] value) {
    int length = (int) recordBytes(key.length, pairs ? value.length : 0);
    reserve(length);
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, grownLength(size + 1));
    }
    starts[size++] = used;
    used = writeBytes(key, used);
    if (pairs) {
      used = writeBytes(value, used);
    }
  }

  /**
   * Replaces the value of the record at {@code pos}. A value of the same length is overwritten in
   * place (counters mostly keep their length); otherwise the record is written again at the end.
   */
  void setValue(int pos, byte[] value) {
    if (valueLength(pos) == value.length) {
      int from = valueLengthOffset(pos) + varintSize(value.length);
      System.arraycopy(value, 0, arena, from, value.length);
      return;
    }
    int oldLength = recordLength(pos);
    int keyLength = keyLength(pos);
    reserve((int) recordBytes(keyLength, value.length));
    // Read the key's place only now: reserving may have moved every record.
    int keyFrom = keyOffset(pos);
    int start = used;
    used = writeVarint(keyLength, used);
    System.arraycopy(arena, keyFrom, arena, used, keyLength);
    used = writeBytes(value, used + keyLength);
    starts[pos] = start;
    garbage += oldLength;
    compactIfMostlyGarbage();
  }

  /** Removes the record at {@code pos}; the last record, if another one, takes its position. */
  void removeSwap(int pos) {
    garbage += recordLength(pos);
    starts[pos] = starts[--size];
    if (size == 0) {
      arena = new byte[0];
      starts = new int[0];
      used = 0;
      garbage = 0;
      return;
    }
    if (starts.length > 16 && size < starts.length / 4) {
      starts = Arrays.copyOf(starts, grownLength(size));
    }
    compactIfMostlyGarbage();
  }

  /** The live records in dense order, garbage left out: the snapshot form of the collection. */
  byte[] export() {
    byte[] out = new byte[liveBytes()];
    int at = 0;
    for (int pos = 0; pos < size; pos++) {
      int length = recordLength(pos);
      System.arraycopy(arena, starts[pos], out, at, length);
      at += length;
    }
    return out;
  }

  /**
   * Records read back from {@link #export}'s form, which becomes the arena as it is (the caller
   * gives it up). Throws IllegalArgumentException when the bytes are not {@code count} records.
   */
  static PackedRecords fromExport(byte[] bytes, boolean pairs, int count) {
    if (count < 0 || count > bytes.length) {
      throw new IllegalArgumentException("record count " + count + " does not fit " + bytes.length + " bytes");
    }
    PackedRecords records = new PackedRecords(pairs, bytes, bytes.length, 0, new int[count], 0);
    int at = 0;
    while (at < bytes.length) {
      if (records.size == count) {
        throw new IllegalArgumentException("more than " + count + " records");
      }
      records.starts[records.size++] = at;
      at = records.skipChecked(at);
      if (pairs) {
        at = records.skipChecked(at);
      }
    }
    if (records.size != count) {
      throw new IllegalArgumentException(records.size + " records where " + count + " were announced");
    }
    return records;
  }

  /**
   * Redis-like spread of a polynomial hash over {@code bytes[from, to)}: tables index by the low
   * bits, so they must depend on every byte. It is the same on every JVM, unlike identity hashes.
   */
  static int hash(byte[] bytes, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private int keyLength(int pos) {
    return lengthAt(starts[pos]);
  }

  private int keyOffset(int pos) {
    return starts[pos] + varintSize(keyLength(pos));
  }

  private int valueLengthOffset(int pos) {
    return keyOffset(pos) + keyLength(pos);
  }

  private int recordLength(int pos) {
    int end = keyOffset(pos) + keyLength(pos);
    if (pairs) {
      int valueLength = lengthAt(end);
      end += varintSize(valueLength) + valueLength;
    }
    return end - starts[pos];
  }

  /** Makes room for {@code bytes} more at the end, dropping the garbage if the arena is reallocated. */
  private void reserve(int bytes) {
    if (used + (long) bytes <= arena.length) {
      return;
    }
    long live = (long) liveBytes() + bytes;
    if (live > MAX_BYTES) {
      throw new IllegalStateException("collection over " + MAX_BYTES + " bytes: callers check hasRoomFor first");
    }
    int length = (int) Math.min(MAX_BYTES, Math.max(live, grownLength((int) live)));
    if (garbage == 0) {
      // Every byte in use is live: one bulk copy keeps every start valid.
      arena = Arrays.copyOf(arena, length);
    } else {
      compactInto(new byte[length]);
    }
  }

  private void compactIfMostlyGarbage() {
    if (garbage > GARBAGE_SLACK && garbage > liveBytes()) {
      compactInto(new byte[grownLength(liveBytes())]);
    }
  }

  /** Copies the live records into {@code target} in dense order. Positions do not change. */
  private void compactInto(byte[] target) {
    int at = 0;
    for (int pos = 0; pos < size; pos++) {
      int length = recordLength(pos);
      System.arraycopy(arena, starts[pos], target, at, length);
      starts[pos] = at;
      at += length;
    }
    arena = target;
    used = at;
    garbage = 0;
  }

  /** A quarter more than {@code length}: less slack than doubling, still amortised O(1) appends. */
  private static int grownLength(int length) {
    return (int) Math.min(MAX_BYTES, Math.max(4L, length + (length >> 2) + 1L));
  }

  private int writeBytes(byte[] bytes, int at) {
    at = writeVarint(bytes.length, at);
    System.arraycopy(bytes, 0, arena, at, bytes.length);
    return at + bytes.length;
  }

  private int writeVarint(int value, int at) {
    while ((value & ~0x7F) != 0) {
      arena[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    arena[at++] = (byte) value;
    return at;
  }

  private int lengthAt(int at) {
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = arena[at++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  /** Skips one length-prefixed string of untrusted bytes; returns the offset after it. */
  private int skipChecked(int at) {
    int start = at;
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      if (at >= used || shift > 28) {
        throw new IllegalArgumentException("bad length at byte " + start);
      }
      byte b = arena[at++];
      length |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        break;
      }
    }
    // Readers take a length's size from its value, so only the shortest encoding is valid.
    if (at - start != varintSize(length)) {
      throw new IllegalArgumentException("overlong length at byte " + start);
    }
    if (length > used - at) {
      throw new IllegalArgumentException("a string of " + length + " bytes runs past the end at byte " + at);
    }
    return at + (int) length;
  }

  private static int varintSize(long value) {
    int bytes = 1;
    while (value >= 0x80) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }
}
