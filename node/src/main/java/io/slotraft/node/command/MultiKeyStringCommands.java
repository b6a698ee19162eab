package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** MGET, MSET and MSETNX: one string per key, many keys, all in one step. */
final class MultiKeyStringCommands {
  private MultiKeyStringCommands() {}

  /** A key that holds another type answers nil here, not WRONGTYPE. */
  static Reply mget(ExecutionContext ctx, CommandArgs args) {
    List<byte[]> values = new ArrayList<>(args.argc() - 1);
    for (int i = 1; i < args.argc(); i++) {
      KeyEntry entry = ctx.lookup(args.bytes(i));
      values.add(entry != null && entry.value() instanceof StringValue s ? s.bytes() : null);
    }
    return Replies.bulkArray(values);
  }

  static Reply mset(ExecutionContext ctx, CommandArgs args) {
    checkPairs(args);
    storeAll(ctx, args);
    return Replies.OK;
  }

  static Reply msetNx(ExecutionContext ctx, CommandArgs args) {
    checkPairs(args);
    for (int i = 1; i < args.argc(); i += 2) {
      if (ctx.lookup(args.bytes(i)) != null) {
        return Replies.ZERO;
      }
    }
    storeAll(ctx, args);
    return Replies.ONE;
  }

  /** The arity of -3 lets an odd number of arguments through; Redis answers that as arity too. */
  static void checkPairs(CommandArgs args) {
    if (args.argc() % 2 == 0) {
      throw new CommandException(ErrorReplies.wrongArity(args.name()));
    }
  }

  private static void storeAll(ExecutionContext ctx, CommandArgs args) {
    for (int i = 1; i < args.argc(); i += 2) {
      ctx.keyspace().put(args.bytes(i), new StringValue(args.bytes(i + 1)), 0);
    }
  }
}
