package io.slotraft.node.command;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.routing.SlotHash;

/**
 * The keyspace halves of CLUSTER COUNTKEYSINSLOT and CLUSTER GETKEYSINSLOT, for the CLUSTER command
 * to call on the shard that owns the slot; they read only and are not catalog entries themselves.
 * The caller parses the numbers (a non-integer is its "not an integer" error); these check ranges.
 */
public final class ClusterKeyCommands {
  private static final Reply INVALID_SLOT = Replies.error("ERR Invalid slot");
  /** Redis answers one text for both a bad slot and a bad count in GETKEYSINSLOT. */
  private static final Reply INVALID_SLOT_OR_COUNT = Replies.error("ERR Invalid slot or number of keys");

  private ClusterKeyCommands() {}

  /** Counts expired keys not yet deleted too, as Redis does. */
  public static Reply countKeysInSlot(ExecutionContext ctx, long slot) {
    if (!isSlot(slot)) {
      return INVALID_SLOT;
    }
    return Replies.integer(ctx.keyspace().countInSlot((int) slot));
  }

  /** Up to {@code count} live keys of the slot; a count of 0 answers an empty array. */
  public static Reply getKeysInSlot(ExecutionContext ctx, long slot, long count) {
    if (!isSlot(slot) || count < 0) {
      return INVALID_SLOT_OR_COUNT;
    }
    int limit = (int) Math.min(count, Integer.MAX_VALUE);
    return Replies.bulkArray(ctx.keyspace().keysInSlot((int) slot, limit, ctx.nowMs()));
  }

  private static boolean isSlot(long slot) {
    return slot >= 0 && slot < SlotHash.SLOT_COUNT;
  }
}
