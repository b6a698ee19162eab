package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.Arrays;

/** DEL, UNLINK, EXISTS, TYPE, RENAME and RENAMENX: commands on keys, whatever their type. */
final class KeyAccessCommands {
  private KeyAccessCommands() {}

  /** Also UNLINK: values are plain heap objects, so there is nothing to free in the background. */
  static Reply del(ExecutionContext ctx, CommandArgs args) {
    long deleted = 0;
    for (int i = 1; i < args.argc(); i++) {
      if (ctx.keyspace().delete(args.bytes(i), ctx.nowMs())) {
        deleted++;
      }
    }
    return Replies.integer(deleted);
  }

  /** A key named twice counts twice, as in Redis. */
  static Reply exists(ExecutionContext ctx, CommandArgs args) {
    long found = 0;
    for (int i = 1; i < args.argc(); i++) {
      if (ctx.lookup(args.bytes(i)) != null) {
        found++;
      }
    }
    return Replies.integer(found);
  }

  static Reply type(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    return Replies.simple(entry == null ? "none" : entry.value().typeName());
  }

  static Reply rename(ExecutionContext ctx, CommandArgs args) {
    return rename(ctx, args, false);
  }

  static Reply renameNx(ExecutionContext ctx, CommandArgs args) {
    return rename(ctx, args, true);
  }

  /** Moves the value and its expiry; renaming a key to itself only checks that it exists. */
  private static Reply rename(ExecutionContext ctx, CommandArgs args, boolean onlyIfFree) {
    byte[] target = args.bytes(2);
    KeyEntry source = ctx.lookup(args.bytes(1));
    if (source == null) {
      throw new CommandException(ErrorReplies.NO_SUCH_KEY);
    }
    if (Arrays.equals(source.key(), target)) {
      return onlyIfFree ? Replies.ZERO : Replies.OK;
    }
    if (onlyIfFree && ctx.lookup(target) != null) {
      return Replies.ZERO;
    }
    ctx.keyspace().delete(source.key(), ctx.nowMs());
    ctx.keyspace().put(target, source.value(), source.expireAtMs());
    return onlyIfFree ? Replies.ONE : Replies.OK;
  }
}
