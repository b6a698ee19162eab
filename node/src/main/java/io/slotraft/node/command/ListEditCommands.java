package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ListCursor;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * LSET, LINSERT, LREM and LTRIM: changes inside a list. Each looks first and copies the list for
 * the change (see {@link Lists#forUpdate}) only when something will change.
 */
final class ListEditCommands {
  private static final Reply INDEX_OUT_OF_RANGE = Replies.error("ERR index out of range");
  private static final Reply NOT_FOUND = Replies.integer(-1);

  private ListEditCommands() {}

  /** Redis checks the key, then its type, then the index. */
  static Reply lset(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      throw new CommandException(ErrorReplies.NO_SUCH_KEY);
    }
    int size = Lists.listOrNull(entry).size();
    int position = Lists.position(args.longArg(2), size);
    if (position < 0) {
      throw new CommandException(INDEX_OUT_OF_RANGE);
    }
    ListValue list = Lists.forUpdate(ctx, entry);
    list.set(list.cursor(position), args.bytes(3));
    return Replies.OK;
  }

  /** Answers the new length, 0 for an absent key, -1 when the pivot is not in the list. */
  static Reply linsert(ExecutionContext ctx, CommandArgs args) {
    boolean after = after(args);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    ListValue list = Lists.listOrNull(entry);
    if (list == null) {
      return Replies.ZERO;
    }
    int pivot = firstIndexOf(list, args.bytes(3));
    if (pivot < 0) {
      return NOT_FOUND;
    }
    list = Lists.forUpdate(ctx, entry);
    list.insert(list.cursor(pivot), after, args.bytes(4));
    return Replies.integer(list.size());
  }

  /** LREM key count element: see {@link ListValue#remove} for the sign of count. */
  /** LINSERT's BEFORE or AFTER (true), checked before the key is looked at; its argument check too. */
  static boolean after(CommandArgs args) {
    boolean after = args.is(2, "AFTER");
    if (!after && !args.is(2, "BEFORE")) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return after;
  }

  static Reply lrem(ExecutionContext ctx, CommandArgs args) {
    long count = args.longArg(2);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (Lists.listOrNull(entry) == null) {
      return Replies.ZERO;
    }
    ListValue list = Lists.forUpdate(ctx, entry);
    long removed = list.remove(args.bytes(3), count);
    Lists.deleteIfEmpty(ctx, entry, list);
    return Replies.integer(removed);
  }

  /** Keeps the inclusive range [start, stop], indexes as LRANGE's; an empty range deletes the key. */
  /** LTRIM's start and stop, read before the key; its argument check too. */
  static long[] trimBounds(CommandArgs args) {
    return new long[] {args.longArg(2), args.longArg(3)};
  }

  static Reply ltrim(ExecutionContext ctx, CommandArgs args) {
    long[] bounds = trimBounds(args);
    long start = bounds[0];
    long stop = bounds[1];
    KeyEntry entry = ctx.lookup(args.bytes(1));
    ListValue list = Lists.listOrNull(entry);
    if (list == null) {
      return Replies.OK;
    }
    int size = list.size();
    start = Math.max(0, start < 0 ? start + size : start);
    stop = Math.min(size - 1L, stop < 0 ? stop + size : stop);
    if (start > stop) {
      ctx.keyspace().delete(entry.key(), ctx.nowMs());
      return Replies.OK;
    }
    if (start > 0 || stop < size - 1) {
      list = Lists.forUpdate(ctx, entry);
      list.removeFirst((int) start);
      list.removeLast((int) (size - 1 - stop));
    }
    return Replies.OK;
  }

  private static int firstIndexOf(ListValue list, byte[] element) {
    for (ListCursor at = list.cursor(0); at.isValid(); at.next()) {
      if (at.matches(element)) {
        return at.index();
      }
    }
    return -1;
  }
}
