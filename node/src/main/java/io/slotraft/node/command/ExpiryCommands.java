package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, PERSIST and the four commands that read an expiry. */
final class ExpiryCommands {
  private static final long NO_KEY = -2;
  private static final long NO_EXPIRY = -1;

  private ExpiryCommands() {}

  static Reply expire(ExecutionContext ctx, CommandArgs args) {
    return setExpiry(ctx, args, 1000, ctx.nowMs());
  }

  static Reply pExpire(ExecutionContext ctx, CommandArgs args) {
    return setExpiry(ctx, args, 1, ctx.nowMs());
  }

  static Reply expireAt(ExecutionContext ctx, CommandArgs args) {
    return setExpiry(ctx, args, 1000, 0);
  }

  static Reply pExpireAt(ExecutionContext ctx, CommandArgs args) {
    return setExpiry(ctx, args, 1, 0);
  }

  static Reply ttl(ExecutionContext ctx, CommandArgs args) {
    return readExpiry(ctx, args, false, false);
  }

  static Reply pTtl(ExecutionContext ctx, CommandArgs args) {
    return readExpiry(ctx, args, true, false);
  }

  static Reply expireTime(ExecutionContext ctx, CommandArgs args) {
    return readExpiry(ctx, args, false, true);
  }

  static Reply pExpireTime(ExecutionContext ctx, CommandArgs args) {
    return readExpiry(ctx, args, true, true);
  }

  static Reply persist(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null || entry.expireAtMs() == 0) {
      return Replies.ZERO;
    }
    ctx.keyspace().setExpiry(entry, 0);
    return Replies.ONE;
  }

  /**
   * Unlike SET, EXPIRE takes zero and negative times: a time at or before now deletes the key,
   * which still counts as a change (reply 1).
   */
  /**
   * The EXPIRE family's argument check before proposing: the options, then the time as far as it
   * does not depend on the clock (an overflow only once now is added is left to apply).
   */
  static void checkExpiry(CommandArgs args, long unitMs) {
    ExpireCondition.parse(args);
    absoluteTime(args, unitMs, 0);
  }

  private static Reply setExpiry(ExecutionContext ctx, CommandArgs args, long unitMs, long baseMs) {
    ExpireCondition condition = ExpireCondition.parse(args);
    long when = absoluteTime(args, unitMs, baseMs);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null || !condition.allows(entry.expireAtMs(), when)) {
      return Replies.ZERO;
    }
    if (when <= ctx.nowMs()) {
      ctx.keyspace().delete(entry.key(), ctx.nowMs());
    } else {
      ctx.keyspace().setExpiry(entry, when);
    }
    return Replies.ONE;
  }

  private static long absoluteTime(CommandArgs args, long unitMs, long baseMs) {
    long when = args.longArg(2);
    if (when > Long.MAX_VALUE / unitMs || when < Long.MIN_VALUE / unitMs) {
      throw new CommandException(ErrorReplies.invalidExpireTime(args.name()));
    }
    when *= unitMs;
    if (when > Long.MAX_VALUE - baseMs) {
      throw new CommandException(ErrorReplies.invalidExpireTime(args.name()));
    }
    return when + baseMs;
  }

  /** Seconds are rounded to the nearest, as Redis does; an expiry already past reads as 0. */
  private static Reply readExpiry(ExecutionContext ctx, CommandArgs args, boolean millis, boolean absolute) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      return Replies.integer(NO_KEY);
    }
    if (entry.expireAtMs() == 0) {
      return Replies.integer(NO_EXPIRY);
    }
    long ms = Math.max(0, absolute ? entry.expireAtMs() : entry.expireAtMs() - ctx.nowMs());
    return Replies.integer(millis ? ms : ms / 1000 + (ms % 1000 >= 500 ? 1 : 0));
  }
}
