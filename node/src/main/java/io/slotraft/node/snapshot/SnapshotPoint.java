package io.slotraft.node.snapshot;

import io.slotraft.proto.SlotHash;

/**
 * Where in its shard's history a snapshot stands: the last applied log entry, the state machine's
 * clock at that entry, and the slot range the shard owned then.
 *
 * @param appliedIndex index of the last log entry applied to the keyspace
 * @param appliedTerm term of that entry
 * @param clockMs the state machine's clock watermark (Unix ms) at {@code appliedIndex}
 * @param slotStart first slot, inclusive
 * @param slotEnd last slot, inclusive
 */
public record SnapshotPoint(long appliedIndex, long appliedTerm, long clockMs, int slotStart, int slotEnd) {

  public SnapshotPoint {
    if (appliedIndex < 0 || appliedTerm < 0) {
      throw new IllegalArgumentException(
          "applied index and term must be >= 0, got " + appliedIndex + " and " + appliedTerm);
    }
    if (slotStart < 0 || slotStart > slotEnd || slotEnd >= SlotHash.SLOT_COUNT) {
      throw new IllegalArgumentException("bad slot range " + slotStart + "-" + slotEnd);
    }
  }
}
