package io.slotraft.node.raft;

import com.alipay.sofa.jraft.storage.SnapshotThrottle;
import com.alipay.sofa.jraft.storage.snapshot.ThroughputSnapshotThrottle;

/**
 * A bound on the bytes per second a node's snapshot installs read (as the sending leader) and write
 * (as the receiving replica). One instance is shared by all of a node's replicas, so that moving
 * several replicas at once cannot take the whole disk from foreground writes.
 */
public final class SnapshotCopyLimit {
  private final SnapshotThrottle throttle;

  private SnapshotCopyLimit(SnapshotThrottle throttle) {
    this.throttle = throttle;
  }

  /** At most {@code mib} MiB per second, checked every second; null for 0 (unbounded). */
  public static SnapshotCopyLimit mibPerSecond(int mib) {
    return mib == 0 ? null : new SnapshotCopyLimit(new ThroughputSnapshotThrottle(mib * 1024L * 1024L, 1));
  }

  SnapshotThrottle throttle() {
    return throttle;
  }
}
