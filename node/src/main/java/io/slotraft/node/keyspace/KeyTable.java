package io.slotraft.node.keyspace;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A chained hash table of {@link KeyEntry} with power-of-two sizes, so that SCAN can use Redis's
 * reverse-binary cursor: a key present for the whole of a scan is returned at least once even when
 * the table grows or shrinks between calls. {@link java.util.HashMap} cannot offer that cursor.
 */
final class KeyTable {
  private static final int MIN_CAPACITY = 16;

  private KeyEntry[] buckets = new KeyEntry[MIN_CAPACITY];
  private int size;

  static int hash(byte[] key) {
    int h = Arrays.hashCode(key);
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  int size() {
    return size;
  }

  KeyEntry get(byte[] key) {
    int hash = hash(key);
    for (KeyEntry e = buckets[hash & (buckets.length - 1)]; e != null; e = e.next) {
      if (e.hash == hash && Arrays.equals(e.key, key)) {
        return e;
      }
    }
    return null;
  }

  /** Adds an entry whose key is known to be absent. */
  void add(KeyEntry entry) {
    if (size >= buckets.length) {
      resize(buckets.length * 2);
    }
    int index = entry.hash & (buckets.length - 1);
    entry.next = buckets[index];
    buckets[index] = entry;
    size++;
  }

  KeyEntry remove(byte[] key) {
    int hash = hash(key);
    int index = hash & (buckets.length - 1);
    KeyEntry previous = null;
    for (KeyEntry e = buckets[index]; e != null; previous = e, e = e.next) {
      if (e.hash == hash && Arrays.equals(e.key, key)) {
        if (previous == null) {
          buckets[index] = e.next;
        } else {
          previous.next = e.next;
        }
        e.next = null;
        size--;
        if (buckets.length > MIN_CAPACITY && size < buckets.length / 8) {
          resize(buckets.length / 2);
        }
        return e;
      }
    }
    return null;
  }

  void clear() {
    buckets = new KeyEntry[MIN_CAPACITY];
    size = 0;
  }

  void forEach(Consumer<KeyEntry> visitor) {
    for (KeyEntry head : buckets) {
      for (KeyEntry e = head; e != null; e = e.next) {
        visitor.accept(e);
      }
    }
  }

  /** The entry at a uniformly chosen bucket walk position, or null when empty. */
  KeyEntry entryAt(long randomBits) {
    if (size == 0) {
      return null;
    }
    int mask = buckets.length - 1;
    int start = (int) (randomBits & mask);
    for (int i = 0; i <= mask; i++) {
      KeyEntry head = buckets[(start + i) & mask];
      if (head != null) {
        int length = 0;
        for (KeyEntry e = head; e != null; e = e.next) {
          length++;
        }
        int pick = (int) Math.floorMod(randomBits >>> 20, (long) length);
        KeyEntry e = head;
        while (pick-- > 0) {
          e = e.next;
        }
        return e;
      }
    }
    return null;
  }

  /**
   * Visits the entries of one bucket and returns the next cursor (0 when the scan is complete). The
   * cursor is incremented on its reversed bits, as in Redis's dictScan.
   */
  long scanStep(long cursor, Consumer<KeyEntry> visitor) {
    int mask = buckets.length - 1;
    for (KeyEntry e = buckets[(int) (cursor & mask)]; e != null; e = e.next) {
      visitor.accept(e);
    }
    long v = cursor | ~((long) mask);
    v = Long.reverse(v);
    v++;
    v = Long.reverse(v);
    return v;
  }

  private void resize(int capacity) {
    KeyEntry[] old = buckets;
    KeyEntry[] fresh = new KeyEntry[capacity];
    int mask = capacity - 1;
    for (KeyEntry head : old) {
      KeyEntry e = head;
      while (e != null) {
        KeyEntry next = e.next;
        int index = e.hash & mask;
        e.next = fresh[index];
        fresh[index] = e;
        e = next;
      }
    }
    buckets = fresh;
  }
}
