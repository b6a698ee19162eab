package io.slotraft.node.persistence;

import java.util.concurrent.CompletableFuture;

/** The node's snapshots, as SAVE, BGSAVE and LASTSAVE see them. */
public interface SnapshotControl {

  /** Snapshots every local shard replica; completes when all are written (and logs compacted). */
  CompletableFuture<Void> snapshotAll();

  /** Unix seconds of the newest completed snapshot on this node (the node's start if none). */
  long lastSnapshotUnixSeconds();
}
