package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ListCursor;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** LLEN, LINDEX and LRANGE: reading a list by position. An absent key reads as an empty list. */
final class ListReadCommands {
  private ListReadCommands() {}

  static Reply llen(ExecutionContext ctx, CommandArgs args) {
    ListValue list = Lists.listOrNull(ctx.lookup(args.bytes(1)));
    return Replies.integer(list == null ? 0 : list.size());
  }

  /** Redis looks the key up before it parses the index, so an absent key answers nil to any index. */
  static Reply lindex(ExecutionContext ctx, CommandArgs args) {
    ListValue list = Lists.listOrNull(ctx.lookup(args.bytes(1)));
    if (list == null) {
      return Replies.NIL;
    }
    int position = Lists.position(args.longArg(2), list.size());
    return position < 0 ? Replies.NIL : Replies.bulk(list.get(position));
  }

  /** Inclusive range; negative indexes count from the tail and both ends are clamped to the list. */
  static Reply lrange(ExecutionContext ctx, CommandArgs args) {
    long start = args.longArg(2);
    long stop = args.longArg(3);
    ListValue list = Lists.listOrNull(ctx.lookup(args.bytes(1)));
    if (list == null) {
      return Replies.EMPTY_ARRAY;
    }
    int size = list.size();
    start = Math.max(0, start < 0 ? start + size : start);
    stop = Math.min(size - 1L, stop < 0 ? stop + size : stop);
    if (start > stop) {
      return Replies.EMPTY_ARRAY;
    }
    List<byte[]> elements = new ArrayList<>((int) (stop - start + 1));
    for (ListCursor at = list.cursor((int) start); at.index() <= stop; at.next()) {
      elements.add(at.element());
    }
    return Replies.bulkArray(elements);
  }
}
