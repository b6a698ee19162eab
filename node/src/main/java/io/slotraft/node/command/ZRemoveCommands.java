package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/** ZREM, ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX; a set left empty is deleted. */
final class ZRemoveCommands {
  private ZRemoveCommands() {}

  static Reply zrem(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      return Replies.ZERO;
    }
    ZSetValue zset = ZSets.forUpdate(ctx, entry);
    long removed = 0;
    for (int i = 2; i < args.argc(); i++) {
      removed += zset.remove(args.bytes(i)) ? 1 : 0;
    }
    ZSets.deleteIfEmpty(ctx, args.bytes(1), zset);
    return Replies.integer(removed);
  }

  /** ZREMRANGEBYRANK's start and stop, read before the key; its argument check too. */
  static long[] rankSpan(CommandArgs args) {
    return new long[] {args.longArg(2), args.longArg(3)};
  }

  static Reply zremrangebyrank(ExecutionContext ctx, CommandArgs args) {
    long[] span = rankSpan(args);
    long start = span[0];
    long stop = span[1];
    return removeSpan(ctx, args.bytes(1), zset -> ZRangeCommand.byRank(zset.size(), start, stop, false));
  }

  static Reply zremrangebyscore(ExecutionContext ctx, CommandArgs args) {
    return removeRange(ctx, args.bytes(1), ScoreRange.parse(args.bytes(2), args.bytes(3)));
  }

  static Reply zremrangebylex(ExecutionContext ctx, CommandArgs args) {
    return removeRange(ctx, args.bytes(1), LexRange.parse(args.bytes(2), args.bytes(3)));
  }

  private static Reply removeRange(ExecutionContext ctx, byte[] key, ZSetRange range) {
    return removeSpan(ctx, key, zset -> new int[] {range.start(zset), range.end(zset)});
  }

  /** Positions [from, to) of a set, computed once its type is known to be right. */
  private interface Span {
    int[] of(ZSetValue zset);
  }

  private static Reply removeSpan(ExecutionContext ctx, byte[] key, Span span) {
    KeyEntry entry = ctx.lookup(key);
    if (entry == null) {
      return Replies.ZERO;
    }
    int[] positions = span.of(ZSets.valueOf(entry));
    if (positions[0] >= positions[1]) {
      return Replies.ZERO;
    }
    ZSetValue zset = ZSets.forUpdate(ctx, entry);
    int removed = zset.removeRange(positions[0], positions[1]);
    ZSets.deleteIfEmpty(ctx, key, zset);
    return Replies.integer(removed);
  }
}
