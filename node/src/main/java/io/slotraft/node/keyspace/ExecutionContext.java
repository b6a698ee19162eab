package io.slotraft.node.keyspace;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a keyspace command may see while it runs: the keyspace, "now", and a random source. On the
 * write path "now" and the random seed come from the log entry, so every replica computes the same
 * result; on the read path they are the serving node's clock and an unseeded source.
 */
public final class ExecutionContext {
  private final Keyspace keyspace;
  private final long nowMs;
  private final RandomGenerator random;
  private final boolean write;

  private ExecutionContext(Keyspace keyspace, long nowMs, RandomGenerator random, boolean write) {
    this.keyspace = keyspace;
    this.nowMs = nowMs;
    this.random = random;
    this.write = write;
  }

  /** For applying a committed log entry: time and randomness fixed by the leader. */
  public static ExecutionContext forApply(Keyspace keyspace, long entryTimeMs, long randomSeed) {
    return new ExecutionContext(keyspace, entryTimeMs, new SplittableRandom(randomSeed), true);
  }

  /** For a read on a replica that has caught up to a read index. */
  public static ExecutionContext forRead(Keyspace keyspace, long nowMs) {
    return new ExecutionContext(keyspace, nowMs, new SplittableRandom(), false);
  }

  public Keyspace keyspace() {
    return keyspace;
  }

  public long nowMs() {
    return nowMs;
  }

  public RandomGenerator random() {
    return random;
  }

  public boolean isWrite() {
    return write;
  }

  /**
   * The entry's collection value, safe to change in place (copied first if a snapshot may be
   * reading it). Only on the write path.
   */
  public <T extends MutableValue> T forUpdate(KeyEntry entry, Class<T> type) {
    if (!write) {
      throw new IllegalStateException("a read changed a value");
    }
    return keyspace.forUpdate(entry, type);
  }

  /**
   * The live entry for {@code key} or null. On the write path an expired key is deleted here, which
   * is deterministic because "now" is the entry's time; on the read path nothing is deleted.
   */
  public KeyEntry lookup(byte[] key) {
    return write ? keyspace.lookupForWrite(key, nowMs) : keyspace.lookup(key, nowMs);
  }
}
