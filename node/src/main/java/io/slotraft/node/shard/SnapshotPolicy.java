package io.slotraft.node.shard;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Snapshots a replica once it has applied {@code maxEntries} entries since its last snapshot, so the
 * log a restart must replay (and the disk it takes) stays bounded under heavy writes; JRaft's own
 * timer only snapshots by time.
 */
public final class SnapshotPolicy implements Runnable {
  private final Supplier<Collection<Shard>> shards;
  private volatile long maxEntries;
  private final Set<Shard> running = ConcurrentHashMap.newKeySet();

  public SnapshotPolicy(Supplier<Collection<Shard>> shards, long maxEntries) {
    this.shards = shards;
    this.maxEntries = maxEntries;
  }

  public long maxEntries() {
    return maxEntries;
  }

  /** CONFIG SET slotraft-snapshot-log-entries: takes effect at the next check (within a second). */
  public void setMaxEntries(long maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public void run() {
    if (maxEntries <= 0) {
      return;
    }
    for (Shard shard : shards.get()) {
      if (shard.replica() != null && shard.entriesSinceSnapshot() >= maxEntries && running.add(shard)) {
        shard.replica().snapshot().whenComplete((done, failure) -> running.remove(shard));
      }
    }
  }
}
