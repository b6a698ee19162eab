package io.slotraft.node.statemachine;

/**
 * A key a client WATCHed, with the moment it did so on the shard's leader: the applied index then
 * and the state machine's clock then. EXEC carries these in its log entry, and every replica asks
 * its keyspace the same question of them ({@link io.slotraft.node.keyspace.Keyspace#changedSince}),
 * so all abort or all commit.
 */
public record KeyWatch(byte[] key, long watchedIndex, long watchedAtMs) {

  /** The moment a WATCH happened on the leader; see {@link KeyWatch}. */
  public record Point(long appliedIndex, long clockMs) {}

  public static KeyWatch of(byte[] key, Point point) {
    return new KeyWatch(key, point.appliedIndex(), point.clockMs());
  }
}
