package io.slotraft.node.statemachine;

/**
 * A key a client WATCHed, with the moment it did so on the shard's leader: the applied index then
 * and the state machine's clock then. EXEC carries these in its log entry, and every replica asks
 * its keyspace the same question of them ({@link io.slotraft.node.keyspace.Keyspace#changedSince}),
 * so all abort or all commit.
 */
public record KeyWatch(byte[] key, long watchedIndex, long watchedAtMs, String shardId) {

  /**
   * A watch as a log entry carries it: its shard is the one whose log it is in. {@code shardId} is
   * null then; it matters only between WATCH and EXEC, on the node.
   */
  public KeyWatch(byte[] key, long watchedIndex, long watchedAtMs) {
    this(key, watchedIndex, watchedAtMs, null);
  }

  /**
   * The moment a WATCH happened on a shard's leader; see {@link KeyWatch}. The index is one of that
   * shard's log: EXEC on another shard (the key's slot moved by a split or a merge in between) cannot
   * compare it with its own, and aborts.
   */
  public record Point(long appliedIndex, long clockMs, String shardId) {}

  public static KeyWatch of(byte[] key, Point point) {
    return new KeyWatch(key, point.appliedIndex(), point.clockMs(), point.shardId());
  }

  /** Whether this watch was taken on a shard other than {@code shardId} (known only on the node). */
  public boolean takenElsewhere(String executingShardId) {
    return shardId != null && !shardId.equals(executingShardId);
  }
}
