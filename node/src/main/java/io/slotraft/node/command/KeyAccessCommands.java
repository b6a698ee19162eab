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

  /** COPY's options, REPLACE or not, checked before any key is read; its argument check too. */
  static boolean copyReplaces(CommandArgs args) {
    boolean replace = false;
    for (int i = 3; i < args.argc(); i++) {
      if (args.is(i, "REPLACE")) {
        replace = true;
      } else if (args.is(i, "DB") && i + 1 < args.argc()) {
        if (args.longArg(++i) != 0) {
          throw new CommandException(Replies.error("ERR Copying to another database is not allowed in cluster mode"));
        }
      } else {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
    }
    if (Arrays.equals(args.bytes(1), args.bytes(2))) {
      throw new CommandException(Replies.error("ERR source and destination objects are the same"));
    }
    return replace;
  }

  /**
   * COPY source destination [DB 0] [REPLACE]: the destination gets an independent copy of the value
   * and the same expiry. Only database 0 exists in cluster mode.
   */
  static Reply copy(ExecutionContext ctx, CommandArgs args) {
    boolean replace = copyReplaces(args);
    KeyEntry source = ctx.lookup(args.bytes(1));
    if (source == null) {
      return Replies.ZERO;
    }
    if (!replace && ctx.lookup(args.bytes(2)) != null) {
      return Replies.ZERO;
    }
    ctx.keyspace().put(args.bytes(2), ctx.keyspace().duplicate(source.value()), source.expireAtMs());
    return Replies.ONE;
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
