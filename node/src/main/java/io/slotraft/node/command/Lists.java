package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.SlotHash;
import java.util.List;

/** What the list commands share: an entry's list (or WRONGTYPE), changing it, indexes, counts. */
final class Lists {
  private Lists() {}

  /** The list of an entry, null for an absent key; any other type answers WRONGTYPE. */
  static ListValue listOrNull(KeyEntry entry) {
    if (entry == null) {
      return null;
    }
    if (entry.value() instanceof ListValue list) {
      return list;
    }
    throw new CommandException(ErrorReplies.WRONG_TYPE);
  }

  /** The entry's list, ready to change (copied first if a snapshot holds it). */
  static ListValue forUpdate(ExecutionContext ctx, KeyEntry entry) {
    listOrNull(entry);
    return ctx.forUpdate(entry, ListValue.class);
  }

  /** Redis deletes a list as soon as its last element is gone. */
  static void deleteIfEmpty(ExecutionContext ctx, KeyEntry entry, ListValue list) {
    if (list.size() == 0) {
      ctx.keyspace().delete(entry.key(), ctx.nowMs());
    }
  }

  /** A Redis index (negative counts from the tail) as a position in the list, or -1 when outside. */
  static int position(long index, int size) {
    long position = index < 0 ? index + size : index;
    return position >= 0 && position < size ? (int) position : -1;
  }

  /**
   * An argument that must be a non-negative integer, as Redis's "positive" counts are (0 included);
   * anything else, not a number at all included, answers {@code error}.
   */
  static long nonNegative(CommandArgs args, int index, Reply error) {
    Long value = RedisNumbers.parseLong(args.bytes(index));
    if (value == null || value < 0) {
      throw new CommandException(error);
    }
    return value;
  }

  /**
   * Refuses keys of several slots at apply: the second line behind routing, which sees every
   * counted key (the catalog's keyCount) and answers CROSSSLOT before proposing. An entry from a
   * leader that predates that check must still not read a key of another shard as absent.
   */
  static void checkOneSlot(List<byte[]> keys) {
    int slot = SlotHash.slot(keys.get(0));
    for (byte[] key : keys) {
      if (SlotHash.slot(key) != slot) {
        throw new CommandException(new RoutingReply.CrossSlot());
      }
    }
  }
}
