package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/** LPUSH, RPUSH, LPUSHX and RPUSHX: elements added at one end, in argument order. */
final class ListPushCommands {
  private ListPushCommands() {}

  static Reply lpush(ExecutionContext ctx, CommandArgs args) {
    return push(ctx, args, ListSide.LEFT, false);
  }

  static Reply rpush(ExecutionContext ctx, CommandArgs args) {
    return push(ctx, args, ListSide.RIGHT, false);
  }

  static Reply lpushx(ExecutionContext ctx, CommandArgs args) {
    return push(ctx, args, ListSide.LEFT, true);
  }

  static Reply rpushx(ExecutionContext ctx, CommandArgs args) {
    return push(ctx, args, ListSide.RIGHT, true);
  }

  /** Answers the new length; the X forms create nothing and answer 0 for an absent key. */
  private static Reply push(ExecutionContext ctx, CommandArgs args, ListSide side, boolean onlyIfExists) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null && onlyIfExists) {
      return Replies.ZERO;
    }
    ListValue list = entry == null ? new ListValue() : Lists.forUpdate(ctx, entry);
    for (int i = 2; i < args.argc(); i++) {
      side.push(list, args.bytes(i));
    }
    if (entry == null) {
      ctx.keyspace().put(args.bytes(1), list, 0);
    }
    return Replies.integer(list.size());
  }
}
