package io.slotraft.node.snapshot;

import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.RedisValue;
import java.util.List;
import java.util.function.Consumer;

/**
 * A shard's keyspace frozen at one log index, taken on the apply thread and written out later on
 * another thread while writes go on.
 *
 * <p>Capture copies references only (keys, values, expiries and versions into arrays): no value copying
 * and no sorting, so the apply thread stalls for O(n) pointer copies. That is safe because key
 * arrays and strings are never mutated (a write stores a new value instead), and a collection
 * captured here is copied before its next change (see {@link
 * io.slotraft.node.keyspace.MutableValue}).
 * Expired keys not yet deleted are captured too: they are part of the replicated state, and a
 * replica loading this image must end up identical to the one that wrote it.
 *
 * <p>All fields are final and never written after construction, so an image may be handed to the
 * writing thread by any means and read there without locks.
 */
public final class KeyspaceImage {
  private final SnapshotPoint point;
  private final byte[][] keys;
  private final RedisValue[] values;
  private final long[] expiries;
  private final long[] versions;
  /** Per slot of the point's range; null when all are 0. */
  private final long[] slotDeleteIndexes;

  private KeyspaceImage(SnapshotPoint point, Collector collected, long[] slotDeleteIndexes) {
    this.point = point;
    this.keys = collected.keys;
    this.values = collected.values;
    this.expiries = collected.expiries;
    this.versions = collected.versions;
    this.slotDeleteIndexes = slotDeleteIndexes;
  }

  /** Must run on the thread that owns {@code keyspace} (its apply thread), with no write in progress. */
  public static KeyspaceImage capture(Keyspace keyspace, SnapshotPoint point) {
    Collector collector = new Collector(keyspace.size());
    keyspace.forEach(collector);
    // From here on, a collection value is copied before it is changed, so the captured ones stay frozen.
    keyspace.beginSnapshot();
    if (collector.count != collector.keys.length) {
      throw new IllegalStateException(
          "keyspace reported " + collector.keys.length + " keys but held " + collector.count);
    }
    return new KeyspaceImage(point, collector, slotDeleteIndexes(keyspace, point));
  }

  private static long[] slotDeleteIndexes(Keyspace keyspace, SnapshotPoint point) {
    long[] indexes = new long[point.slotEnd() - point.slotStart() + 1];
    boolean any = false;
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = keyspace.slotDeleteIndex(point.slotStart() + i);
      any |= indexes[i] != 0;
    }
    return any ? indexes : null;
  }

  public SnapshotPoint point() {
    return point;
  }

  public int size() {
    return keys.length;
  }

  byte[] key(int i) {
    return keys[i];
  }

  RedisValue value(int i) {
    return values[i];
  }

  long expireAtMs(int i) {
    return expiries[i];
  }

  long version(int i) {
    return versions[i];
  }

  /** The slots' delete indexes in range order, or empty when every one is 0. */
  java.util.Optional<List<Long>> slotDeleteIndexes() {
    return slotDeleteIndexes == null ? java.util.Optional.empty()
        : java.util.Optional.of(java.util.Arrays.stream(slotDeleteIndexes).boxed().toList());
  }

  /** Positions of the keys in unsigned bytewise order; the writer's job, off the apply thread. */
  int[] sortedOrder() {
    return UnsignedKeyOrder.sort(keys);
  }

  /** Fills the arrays in table order; a class rather than a lambda because it keeps a cursor. */
  private static final class Collector implements Consumer<KeyEntry> {
    final byte[][] keys;
    final RedisValue[] values;
    final long[] expiries;
    final long[] versions;
    int count;

    Collector(int size) {
      keys = new byte[size][];
      values = new RedisValue[size];
      expiries = new long[size];
      versions = new long[size];
    }

    @Override
    public void accept(KeyEntry entry) {
      keys[count] = entry.key();
      values[count] = entry.value();
      expiries[count] = entry.expireAtMs();
      versions[count] = entry.version();
      count++;
    }
  }
}
