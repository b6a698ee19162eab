package io.slotraft.node.keyspace;

/**
 * A value that commands change in place: a hash, list, set or sorted set, where copying the whole
 * value on every change would cost too much. Snapshots still see a frozen value through
 * copy-on-write by generation: taking a snapshot starts a new keyspace generation, and the first
 * change to a value from an older generation first replaces it with a copy ({@link
 * Keyspace#forUpdate}). The snapshot writer keeps the old instance, which nothing changes again.
 */
public abstract non-sealed class MutableValue implements RedisValue {
  /** Not yet stored in a keyspace: the first store stamps the current generation. */
  static final long UNSTAMPED = -1;

  /**
   * The keyspace generation this instance belongs to; only {@link Keyspace} sets it, and only once,
   * so that moving an instance to another key (RENAME) never makes a frozen value look fresh.
   */
  long generation = UNSTAMPED;

  /** A copy that shares no mutable state with this value (elements themselves are immutable). */
  protected abstract MutableValue copy();

  /** Number of elements; a collection that becomes empty is deleted, as in Redis. */
  public abstract int size();
}
