package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * ZRANGE, ZRANGESTORE, ZREVRANGE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX and ZREVRANGEBYLEX:
 * every form is turned into positions [from, to) of the set, walked forwards or backwards.
 */
final class ZRangeCommand {
  private ZRangeCommand() {}

  static Reply zrange(ExecutionContext ctx, CommandArgs args) {
    return reply(ctx, args.bytes(1), ZRangeRequest.parse(args, 1, null, null, false));
  }

  static Reply zrangestore(ExecutionContext ctx, CommandArgs args) {
    ZRangeRequest request = ZRangeRequest.parse(args, 2, null, null, true);
    ZSetValue source = ZSets.find(ctx, args.bytes(2));
    ZSetValue.Builder result = ZSetValue.builder(0);
    if (source != null) {
      int[] span = positions(source, request);
      source.forEach(span[0], span[1], request.reverse(), result::put);
    }
    return ZSets.store(ctx, args.bytes(1), result.build());
  }

  static Reply zrevrange(ExecutionContext ctx, CommandArgs args) {
    return reply(ctx, args.bytes(1), ZRangeRequest.parse(args, 1, ZRangeRequest.Kind.RANK, true, false));
  }

  static Reply zrangebyscore(ExecutionContext ctx, CommandArgs args) {
    return reply(ctx, args.bytes(1), ZRangeRequest.parse(args, 1, ZRangeRequest.Kind.SCORE, false, false));
  }

  static Reply zrevrangebyscore(ExecutionContext ctx, CommandArgs args) {
    return reply(ctx, args.bytes(1), ZRangeRequest.parse(args, 1, ZRangeRequest.Kind.SCORE, true, false));
  }

  static Reply zrangebylex(ExecutionContext ctx, CommandArgs args) {
    return reply(ctx, args.bytes(1), ZRangeRequest.parse(args, 1, ZRangeRequest.Kind.LEX, false, false));
  }

  static Reply zrevrangebylex(ExecutionContext ctx, CommandArgs args) {
    return reply(ctx, args.bytes(1), ZRangeRequest.parse(args, 1, ZRangeRequest.Kind.LEX, true, false));
  }

  private static Reply reply(ExecutionContext ctx, byte[] key, ZRangeRequest request) {
    ZSetValue zset = ZSets.find(ctx, key);
    if (zset == null) {
      return Replies.EMPTY_ARRAY;
    }
    int[] span = positions(zset, request);
    return ZSets.elements(zset, span[0], span[1], request.reverse(), request.withScores());
  }

  /** The request as ascending positions [from, to), walked from {@code to} down when reversed. */
  static int[] positions(ZSetValue zset, ZRangeRequest request) {
    if (request.kind() == ZRangeRequest.Kind.RANK) {
      return byRank(zset.size(), request.start(), request.stop(), request.reverse());
    }
    int start = request.range().start(zset);
    int end = Math.max(start, request.range().end(zset));
    return limited(start, end, request.offset(), request.limit(), request.reverse());
  }

  /**
   * Positions as ZRANGE reads them: negative ones count from the end, both ends inclusive, the
   * start raised to 0 and the stop cut to the last element. Reversed positions count from the top.
   */
  static int[] byRank(int size, long start, long stop, boolean reverse) {
    long first = start < 0 ? size + start : start;
    long last = stop < 0 ? size + stop : stop;
    first = Math.max(0, first);
    last = Math.min(size - 1L, last);
    if (first > last) {
      return new int[] {0, 0};
    }
    if (reverse) {
      return new int[] {(int) (size - 1 - last), (int) (size - first)};
    }
    return new int[] {(int) first, (int) last + 1};
  }

  /**
   * LIMIT applied in the walking direction: skip {@code offset}, keep {@code count}. A negative
   * offset gives nothing and a negative count no limit, as Redis's skip and count loops do.
   */
  private static int[] limited(int start, int end, long offset, long count, boolean reverse) {
    if (offset < 0 || offset >= end - start) {
      return new int[] {start, start};
    }
    long kept = count < 0 ? end - start - offset : Math.min(count, end - start - offset);
    if (reverse) {
      int to = (int) (end - offset);
      return new int[] {(int) (to - kept), to};
    }
    int from = (int) (start + offset);
    return new int[] {from, (int) (from + kept)};
  }
}
