package io.slotraft.node.keyspace;

import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One shard's in-memory keyspace: keys, values, expiry times, and per-slot key counts.
 *
 * <p>It is not thread-safe on purpose: a shard's keyspace is touched by one thread at a time (its
 * apply thread, or a reader holding the shard's lock). It never reads a clock: every method that
 * depends on time takes {@code nowMs}, which on the write path is the time the leader put in the log
 * entry. Reads treat expired keys as absent but never delete them; only applied log entries delete.
 */
public final class Keyspace {
  private final KeyTable table = new KeyTable();
  /** Keys with an expiry, ordered by (expiry, key bytes): the active expiry cycle reads its head. */
  private final TreeSet<KeyEntry> expiries = new TreeSet<>(Keyspace::compareExpiry);
  private final int[] slotCounts = new int[SlotHash.SLOT_COUNT];
  /**
   * Per slot, the head of a doubly linked list of its keys: a split carves slots out in time
   * proportional to the keys it moves, and GETKEYSINSLOT reads one slot without walking the table.
   */
  private final KeyEntry[] slotHeads = new KeyEntry[SlotHash.SLOT_COUNT];
  /**
   * Per slot, the log index of the newest entry that deleted a key of that slot (or flushed them
   * all). A watched key that is absent at EXEC was either absent all along or deleted since; this is
   * how WATCH tells the two apart without remembering deleted keys. Replicated state, like versions.
   */
  private final long[] slotDeleteIndex = new long[SlotHash.SLOT_COUNT];
  /** Raised by every snapshot capture; see {@link MutableValue}. */
  private long generation;
  /** The index of the log entry being applied: what every change made now is stamped with. */
  private long changeIndex;

  private static int compareExpiry(KeyEntry a, KeyEntry b) {
    int byTime = Long.compare(a.expireAtMs, b.expireAtMs);
    return byTime != 0 ? byTime : Arrays.compareUnsigned(a.key, b.key);
  }

  /** The live entry for {@code key}, or null when absent or expired at {@code nowMs}. Never mutates. */
  public KeyEntry lookup(byte[] key, long nowMs) {
    KeyEntry entry = table.get(key);
    return entry == null || entry.isExpired(nowMs) ? null : entry;
  }

  /**
   * As {@link #lookup}, but physically deletes the key if it is expired. Only for the write path,
   * where {@code nowMs} comes from the log entry and so every replica deletes the same keys.
   */
  public KeyEntry lookupForWrite(byte[] key, long nowMs) {
    KeyEntry entry = table.get(key);
    if (entry != null && entry.isExpired(nowMs)) {
      removeEntry(entry);
      return null;
    }
    return entry;
  }

  public RedisValue get(byte[] key, long nowMs) {
    KeyEntry entry = lookup(key, nowMs);
    return entry == null ? null : entry.value;
  }

  public boolean exists(byte[] key, long nowMs) {
    return lookup(key, nowMs) != null;
  }

  /** Stores {@code value} under {@code key}, replacing any value, with the given expiry (0 = none). */
  public void put(byte[] key, RedisValue value, long expireAtMs) {
    store(key, value, expireAtMs);
  }

  private KeyEntry store(byte[] key, RedisValue value, long expireAtMs) {
    stamp(value);
    KeyEntry entry = table.get(key);
    if (entry == null) {
      entry = new KeyEntry(key, KeyTable.hash(key), value, 0);
      table.add(entry);
      linkToSlot(entry, SlotHash.slot(key));
    } else {
      entry.value = value;
    }
    entry.version = changeIndex;
    changeExpiry(entry, expireAtMs);
    return entry;
  }

  /**
   * Sets the index of the log entry now being applied: every change from here on is stamped with
   * it, for WATCH. The state machine calls this before each entry.
   */
  public void beginChange(long index) {
    this.changeIndex = index;
  }

  /**
   * Whether {@code key} may have changed since a client watched it, when the applied index was
   * {@code watchedIndex} and its clock {@code watchedAtMs}; judged at {@code nowMs}, an applied
   * entry's time, so every replica decides alike. True when the key was written or its expiry
   * changed after the watch, when it expired in between (as Redis 7 counts it), or when it is absent
   * and a key of its slot was deleted since (it may have been this one: a conservative answer,
   * never a missed change).
   */
  public boolean changedSince(byte[] key, long watchedIndex, long watchedAtMs, long nowMs) {
    KeyEntry entry = table.get(key);
    if (entry == null) {
      return slotDeleteIndex[SlotHash.slot(key)] > watchedIndex;
    }
    if (entry.version > watchedIndex) {
      return true;
    }
    return !entry.isExpired(watchedAtMs) && entry.isExpired(nowMs);
  }

  /** Replaces the value of an existing entry, keeping its expiry (as APPEND, INCR, SETRANGE do). */
  public void replaceValue(KeyEntry entry, RedisValue value) {
    stamp(value);
    entry.value = value;
    entry.version = changeIndex;
  }

  /**
   * The entry's value, ready to be changed in place: the same instance if no snapshot taken since
   * it was stored can be reading it, else a copy that replaces it in the keyspace.
   */
  public <T extends MutableValue> T forUpdate(KeyEntry entry, Class<T> type) {
    MutableValue value = type.cast(entry.value);
    // Asking to change a value counts as changing it: WATCH may abort for nothing, never miss a change.
    entry.version = changeIndex;
    if (value.generation < generation) {
      value = value.copy();
      value.generation = generation;
      entry.value = value;
    }
    return type.cast(value);
  }

  /**
   * Starts a new generation: every mutable value stored so far is frozen for the snapshot being
   * captured, and is copied before its next change. Called on the apply thread at capture.
   */
  public void beginSnapshot() {
    generation++;
  }

  /**
   * Gives a new value the current generation, so that it is changed in place until the next
   * snapshot. A value stored before (RENAME moves the instance to another key) keeps its own: a
   * snapshot captured since may be holding it, and restamping it would let the next change write
   * into that snapshot.
   */
  private void stamp(RedisValue value) {
    if (value instanceof MutableValue mutable && mutable.generation == MutableValue.UNSTAMPED) {
      mutable.generation = generation;
    }
  }

  /** An independent copy of a value, for COPY: strings are shared (immutable), collections copied. */
  public RedisValue duplicate(RedisValue value) {
    return value instanceof MutableValue mutable ? mutable.copy() : value;
  }

  /** Sets the expiry of an existing entry; 0 removes it. */
  public void setExpiry(KeyEntry entry, long expireAtMs) {
    changeExpiry(entry, expireAtMs);
  }

  /** Deletes the key; true when it existed and was not expired at {@code nowMs}. */
  public boolean delete(byte[] key, long nowMs) {
    KeyEntry entry = table.get(key);
    if (entry == null) {
      return false;
    }
    boolean live = !entry.isExpired(nowMs);
    removeEntry(entry);
    return live;
  }

  /** Deletes the key only if it is expired at {@code nowMs}: the apply side of the active expiry cycle. */
  public boolean deleteIfExpired(byte[] key, long nowMs) {
    KeyEntry entry = table.get(key);
    if (entry != null && entry.isExpired(nowMs)) {
      removeEntry(entry);
      return true;
    }
    return false;
  }

  /** Up to {@code limit} keys expired at {@code nowMs}, soonest first. */
  public List<byte[]> expiredKeys(long nowMs, int limit) {
    List<byte[]> keys = new ArrayList<>();
    for (KeyEntry entry : expiries) {
      if (keys.size() >= limit || !entry.isExpired(nowMs)) {
        break;
      }
      keys.add(entry.key);
    }
    return keys;
  }

  /** Number of keys, including expired ones not yet deleted (as Redis's DBSIZE counts). */
  public int size() {
    return table.size();
  }

  public int expiringKeyCount() {
    return expiries.size();
  }

  public int countInSlot(int slot) {
    return slotCounts[slot];
  }

  /** Up to {@code count} live keys of one slot. */
  public List<byte[]> keysInSlot(int slot, int count, long nowMs) {
    List<byte[]> keys = new ArrayList<>();
    for (KeyEntry entry = slotHeads[slot]; entry != null && keys.size() < count; entry = entry.slotNext) {
      if (!entry.isExpired(nowMs)) {
        keys.add(entry.key);
      }
    }
    return keys;
  }

  public void clear() {
    table.clear();
    expiries.clear();
    Arrays.fill(slotCounts, 0);
    Arrays.fill(slotHeads, null);
    Arrays.fill(slotDeleteIndex, changeIndex);
  }

  /**
   * Moves every key of slots {@code fromSlot..toSlot} (expired ones too: they are replicated state)
   * into a new keyspace, with its value, expiry and version, and hands over those slots' delete
   * indexes: a split's carve. Takes time in proportion to the keys moved. The values move, not
   * copies: the new keyspace starts at this one's snapshot generation, so a value that a snapshot
   * of this keyspace still being written holds is copied before its first change there too.
   */
  public Keyspace carve(int fromSlot, int toSlot) {
    Keyspace carved = new Keyspace();
    carved.generation = generation;
    carved.changeIndex = changeIndex;
    moveSlots(this, carved, fromSlot, toSlot);
    return carved;
  }

  /**
   * Takes in every key of slots {@code fromSlot..toSlot} of {@code source} (which this keyspace owns
   * none of), with its expiry: a merge, applied as the entry being changed. The entries move, not
   * copies, in time proportional to their number; {@code source} is left without them. Their WATCH
   * versions and those slots' delete indexes become this entry's index: the source's were indexes
   * of another log, which this one's WATCHes cannot be compared with (a WATCH taken on the source
   * aborts its EXEC instead). Both keyspaces' values count as held by a snapshot afterwards (a new
   * generation above both), so the first change to any of them copies it, as after a snapshot
   * capture.
   */
  public void absorb(Keyspace source, int fromSlot, int toSlot) {
    for (int slot = fromSlot; slot <= toSlot; slot++) {
      for (KeyEntry entry = source.slotHeads[slot]; entry != null; entry = entry.slotNext) {
        entry.version = changeIndex;
      }
    }
    moveSlots(source, this, fromSlot, toSlot);
    for (int slot = fromSlot; slot <= toSlot; slot++) {
      slotDeleteIndex[slot] = changeIndex;
    }
    generation = Math.max(generation, source.generation) + 1;
  }

  private static void moveSlots(Keyspace from, Keyspace to, int fromSlot, int toSlot) {
    for (int slot = fromSlot; slot <= toSlot; slot++) {
      KeyEntry entry = from.slotHeads[slot];
      while (entry != null) {
        KeyEntry following = entry.slotNext;
        if (entry.expireAtMs != 0) {
          from.expiries.remove(entry);
        }
        from.table.remove(entry.key);
        entry.slotPrevious = null;
        entry.slotNext = null;
        to.table.add(entry);
        to.linkToSlot(entry, slot);
        if (entry.expireAtMs != 0) {
          to.expiries.add(entry);
        }
        entry = following;
      }
      from.slotHeads[slot] = null;
      from.slotCounts[slot] = 0;
      to.slotDeleteIndex[slot] = Math.max(to.slotDeleteIndex[slot], from.slotDeleteIndex[slot]);
    }
  }

  /** The index of the newest entry that deleted a key of {@code slot}; for snapshots. */
  public long slotDeleteIndex(int slot) {
    return slotDeleteIndex[slot];
  }

  /**
   * Loads one key from a snapshot into a fresh keyspace, with the version the snapshot recorded
   * (plain {@link #put} would stamp the current change index instead).
   */
  public void putLoaded(byte[] key, RedisValue value, long expireAtMs, long version) {
    store(key, value, expireAtMs).version = version;
  }

  /** Loads a slot's delete index from a snapshot; see {@link #changedSince}. */
  public void restoreSlotDeleteIndex(int slot, long index) {
    slotDeleteIndex[slot] = index;
  }

  /** Every entry, expired or not, in table order. The caller must not mutate the keyspace meanwhile. */
  public void forEach(Consumer<KeyEntry> visitor) {
    table.forEach(visitor);
  }

  /** One step of SCAN: visits one bucket's entries (expired ones included) and returns the next cursor. */
  public long scanStep(long cursor, Consumer<KeyEntry> visitor) {
    return table.scanStep(cursor, visitor);
  }

  /** A key chosen at random among the live ones, or null; tries a bounded number of times. */
  public byte[] randomKey(java.util.random.RandomGenerator random, long nowMs) {
    for (int attempt = 0; attempt < 100 && table.size() > 0; attempt++) {
      KeyEntry entry = table.entryAt(random.nextLong());
      if (entry != null && !entry.isExpired(nowMs)) {
        return entry.key;
      }
    }
    return null;
  }

  private void changeExpiry(KeyEntry entry, long expireAtMs) {
    if (entry.expireAtMs == expireAtMs) {
      return;
    }
    entry.version = changeIndex;
    if (entry.expireAtMs != 0) {
      expiries.remove(entry);
    }
    entry.expireAtMs = expireAtMs;
    if (expireAtMs != 0) {
      expiries.add(entry);
    }
  }

  private void removeEntry(KeyEntry entry) {
    if (entry.expireAtMs != 0) {
      expiries.remove(entry);
    }
    table.remove(entry.key);
    int slot = SlotHash.slot(entry.key);
    unlinkFromSlot(entry, slot);
    slotDeleteIndex[slot] = changeIndex;
  }

  private void linkToSlot(KeyEntry entry, int slot) {
    KeyEntry head = slotHeads[slot];
    entry.slotNext = head;
    if (head != null) {
      head.slotPrevious = entry;
    }
    slotHeads[slot] = entry;
    slotCounts[slot]++;
  }

  private void unlinkFromSlot(KeyEntry entry, int slot) {
    if (entry.slotPrevious != null) {
      entry.slotPrevious.slotNext = entry.slotNext;
    } else {
      slotHeads[slot] = entry.slotNext;
    }
    if (entry.slotNext != null) {
      entry.slotNext.slotPrevious = entry.slotPrevious;
    }
    entry.slotPrevious = null;
    entry.slotNext = null;
    slotCounts[slot]--;
  }
}
