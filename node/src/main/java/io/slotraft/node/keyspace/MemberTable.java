package io.slotraft.node.keyspace;

import static io.slotraft.node.keyspace.ZSetNodes.NONE;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Finds a sorted set's node by member: open addressing with linear probing over an int array that
 * holds node id + 1 (0 is an empty slot), so a slot costs four bytes and no entry object.
 *
 * <p>A member's home slot is the top bits of its hash, so the table is laid out in hash order
 * whatever its size. That is what gives ZSCAN a cursor that survives resizing: the cursor is a
 * position in hash space ({@link #scan}). Removal shifts later entries back (no tombstones), which
 * keeps the invariant scanning relies on: every slot from an entry's home to the entry is full.
 */
final class MemberTable {
  private static final int MIN_BITS = 2;
  private static final long HASH_SPACE = 1L << 32;

  private final ZSetNodes nodes;
  private int[] slots;
  private int bits;

  MemberTable(ZSetNodes nodes, int expected) {
    this.nodes = nodes;
    this.bits = bitsFor(expected);
    this.slots = new int[1 << bits];
  }

  private MemberTable(ZSetNodes nodes, MemberTable other) {
    this.nodes = nodes;
    this.bits = other.bits;
    this.slots = other.slots.clone();
  }

  MemberTable copyFor(ZSetNodes copiedNodes) {
    return new MemberTable(copiedNodes, this);
  }

  static int hash(byte[] member) {
    return KeyTable.hash(member);
  }

  /** The node holding {@code member}, or {@link ZSetNodes#NONE}. */
  int find(byte[] member, int hash) {
    int mask = slots.length - 1;
    for (int i = home(hash); slots[i] != 0; i = (i + 1) & mask) {
      int id = slots[i] - 1;
      if (nodes.hash(id) == hash && Arrays.equals(nodes.member(id), member)) {
        return id;
      }
    }
    return NONE;
  }

  /** Indexes a new node (already counted by the nodes) whose member is not in the table yet. */
  void add(int id) {
    // Grow at three quarters full: linear probing slows down sharply beyond that.
    if (4L * nodes.count() > 3L * slots.length) {
      rehash(bits + 1);
    } else {
      place(id);
    }
  }

  /** Forgets node {@code id}; call {@link #shrinkIfSparse} once the nodes have dropped it. */
  void remove(int id) {
    int mask = slots.length - 1;
    int hole = slotOf(id);
    // Move back every later entry of the run that may sit at the hole, so no probe stops early.
    for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int wanted = home(nodes.hash(slots[j] - 1));
      if (((j - wanted) & mask) >= ((j - hole) & mask)) {
        slots[hole] = slots[j];
        hole = j;
      }
    }
    slots[hole] = 0;
  }

  /** Halves the table when an eighth full, so that a set that shrank gives its memory back. */
  void shrinkIfSparse() {
    if (bits > MIN_BITS && 8L * nodes.count() < slots.length) {
      rehash(bits - 1);
    }
  }

  /** Points the slot of node {@code from} at node {@code to}, which is about to take its place. */
  void relabel(int from, int to) {
    slots[slotOf(from)] = to + 1;
  }

  /** Forgets every entry, sized for {@code expected} new ones. */
  void clear(int expected) {
    bits = bitsFor(expected);
    slots = new int[1 << bits];
  }

  long heapBytes() {
    return 16L + 4L * slots.length;
  }

  /**
   * Visits every node whose hash, read as unsigned, lies in [{@code cursor}, end) and answers end,
   * or 0 once the whole hash space has been covered. End is chosen so that about {@code count}
   * nodes are visited. A member present for a whole scan is visited exactly once, whatever resizes
   * happen between calls, because the cursor is a hash value and not a slot number.
   */
  long scan(long cursor, long count, IntConsumer visitor) {
    if (cursor < 0 || cursor >= HASH_SPACE) {
      return 0;
    }
    int shift = 32 - bits;
    int firstHome = (int) (cursor >>> shift);
    int size = nodes.count();
    long wantedHomes = count >= size ? slots.length : Math.max(1, count * slots.length / size);
    int endHome = (int) Math.min(slots.length, firstHome + wantedHomes);
    visitHomes(firstHome, endHome, cursor, visitor);
    return endHome == slots.length ? 0 : (long) endHome << shift;
  }

  /**
   * Visits the nodes whose home is in [firstHome, endHome) and whose hash is at least
   * {@code fromHash}. They sit between firstHome and the first empty slot at or after endHome.
   */
  private void visitHomes(int firstHome, int endHome, long fromHash, IntConsumer visitor) {
    int mask = slots.length - 1;
    for (long p = firstHome; p < firstHome + slots.length; p++) {
      int slot = slots[(int) (p & mask)];
      if (slot == 0 && p >= endHome) {
        return;
      }
      if (slot != 0) {
        int hash = nodes.hash(slot - 1);
        int home = home(hash);
        if (home >= firstHome && home < endHome && Integer.toUnsignedLong(hash) >= fromHash) {
          visitor.accept(slot - 1);
        }
      }
    }
  }

  private int slotOf(int id) {
    int mask = slots.length - 1;
    int i = home(nodes.hash(id));
    while (slots[i] != id + 1) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void place(int id) {
    int mask = slots.length - 1;
    int i = home(nodes.hash(id));
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = id + 1;
  }

  private void rehash(int newBits) {
    bits = newBits;
    slots = new int[1 << newBits];
    for (int id = 0; id < nodes.count(); id++) {
      place(id);
    }
  }

  private int home(int hash) {
    return hash >>> (32 - bits);
  }

  /** The smallest table that holds {@code expected} entries at most three quarters full. */
  private static int bitsFor(int expected) {
    int bits = MIN_BITS;
    while ((3L << bits) / 4 < expected) {
      bits++;
    }
    return bits;
  }
}
