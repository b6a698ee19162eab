package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/** GET, SET and their variants that read, write or delete one whole string. */
final class GetSetCommands {
  private GetSetCommands() {}

  static Reply get(ExecutionContext ctx, CommandArgs args) {
    return Replies.bulk(Strings.bytesOrNull(ctx.lookup(args.bytes(1))));
  }

  static Reply set(ExecutionContext ctx, CommandArgs args) {
    SetOptions options = SetOptions.forSet(args);
    // Redis checks the expiry before the old value's type, and both before the condition.
    long expireAt = options.ttl().isTime() ? options.expireAtMs(args, ctx.nowMs()) : 0;
    KeyEntry old = ctx.lookup(args.bytes(1));
    byte[] oldBytes = options.get() ? Strings.bytesOrNull(old) : null;
    boolean applies = options.conditionHolds(old != null);
    if (applies) {
      long keptExpiry = options.ttl() == SetOptions.Ttl.KEEP && old != null ? old.expireAtMs() : 0;
      store(ctx, args.bytes(1), args.bytes(2), options.ttl().isTime() ? expireAt : keptExpiry);
    }
    if (options.get()) {
      return Replies.bulk(oldBytes);
    }
    return applies ? Replies.OK : Replies.NIL;
  }

  static Reply setNx(ExecutionContext ctx, CommandArgs args) {
    if (ctx.lookup(args.bytes(1)) != null) {
      return Replies.ZERO;
    }
    ctx.keyspace().put(args.bytes(1), new StringValue(args.bytes(2)), 0);
    return Replies.ONE;
  }

  static Reply setEx(ExecutionContext ctx, CommandArgs args) {
    return setWithTtl(ctx, args, true);
  }

  static Reply pSetEx(ExecutionContext ctx, CommandArgs args) {
    return setWithTtl(ctx, args, false);
  }

  static Reply getSet(ExecutionContext ctx, CommandArgs args) {
    byte[] old = Strings.bytesOrNull(ctx.lookup(args.bytes(1)));
    ctx.keyspace().put(args.bytes(1), new StringValue(args.bytes(2)), 0);
    return Replies.bulk(old);
  }

  static Reply getDel(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    byte[] value = Strings.bytesOrNull(entry);
    if (entry != null) {
      ctx.keyspace().delete(entry.key(), ctx.nowMs());
    }
    return Replies.bulk(value);
  }

  static Reply getEx(ExecutionContext ctx, CommandArgs args) {
    SetOptions options = SetOptions.forGetEx(args);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      return Replies.NIL;
    }
    byte[] value = Strings.bytesOf(entry);
    if (options.ttl().isTime()) {
      expireOrDelete(ctx, entry, options.expireAtMs(args, ctx.nowMs()));
    } else if (options.ttl() == SetOptions.Ttl.PERSIST) {
      ctx.keyspace().setExpiry(entry, 0);
    }
    return Replies.bulk(value);
  }

  private static Reply setWithTtl(ExecutionContext ctx, CommandArgs args, boolean seconds) {
    long expireAt = SetOptions.expireAtMs(args, 2, seconds, ctx.nowMs());
    ctx.keyspace().put(args.bytes(1), new StringValue(args.bytes(3)), expireAt);
    return Replies.OK;
  }

  /**
   * Stores the string, or deletes the key when an absolute expiry (EXAT, PXAT) is already past.
   * Redis stores such a key and lets it expire; not storing it looks the same to every read.
   */
  private static void store(ExecutionContext ctx, byte[] key, byte[] value, long expireAtMs) {
    if (expireAtMs != 0 && expireAtMs <= ctx.nowMs()) {
      ctx.keyspace().delete(key, ctx.nowMs());
    } else {
      ctx.keyspace().put(key, new StringValue(value), expireAtMs);
    }
  }

  private static void expireOrDelete(ExecutionContext ctx, KeyEntry entry, long expireAtMs) {
    if (expireAtMs <= ctx.nowMs()) {
      ctx.keyspace().delete(entry.key(), ctx.nowMs());
    } else {
      ctx.keyspace().setExpiry(entry, expireAtMs);
    }
  }
}
