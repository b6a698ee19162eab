package io.slotraft.node.keyspace;

/**
 * One key of the keyspace: its bytes, value and absolute expiry. Mutable fields are changed only by
 * {@link Keyspace}, which keeps its hash table, expiry index and slot counts in step.
 */
public final class KeyEntry {
  final byte[] key;
  final int hash;
  RedisValue value;
  /** Absolute expiry in Unix milliseconds; 0 when the key does not expire. */
  long expireAtMs;
  /**
   * The log index of the entry that last changed this key (its value or expiry): WATCH compares it
   * at apply time, so it is replicated state, carried in snapshots. 0 when never changed by an entry.
   */
  long version;
  KeyEntry next;
  /** Neighbours in its slot's list of keys (see {@link Keyspace}), so that a slot's keys are found without a scan. */
  KeyEntry slotPrevious;
  KeyEntry slotNext;

  KeyEntry(byte[] key, int hash, RedisValue value, long expireAtMs) {
    this.key = key;
    this.hash = hash;
    this.value = value;
    this.expireAtMs = expireAtMs;
  }

  public byte[] key() {
    return key;
  }

  public RedisValue value() {
    return value;
  }

  public long expireAtMs() {
    return expireAtMs;
  }

  /** The log index of the entry that last changed this key; see {@link Keyspace#changedSince}. */
  public long version() {
    return version;
  }

  public boolean isExpired(long nowMs) {
    return expireAtMs != 0 && expireAtMs <= nowMs;
  }
}
