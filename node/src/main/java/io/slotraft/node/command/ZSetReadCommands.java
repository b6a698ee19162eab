package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT and ZLEXCOUNT: questions about one set. */
final class ZSetReadCommands {
  private ZSetReadCommands() {}

  static Reply zcard(ExecutionContext ctx, CommandArgs args) {
    ZSetValue zset = ZSets.find(ctx, args.bytes(1));
    return Replies.integer(zset == null ? 0 : zset.size());
  }

  static Reply zscore(ExecutionContext ctx, CommandArgs args) {
    ZSetValue zset = ZSets.find(ctx, args.bytes(1));
    return score(zset, args.bytes(2));
  }

  static Reply zmscore(ExecutionContext ctx, CommandArgs args) {
    ZSetValue zset = ZSets.find(ctx, args.bytes(1));
    List<Reply> scores = new ArrayList<>(args.argc() - 2);
    for (int i = 2; i < args.argc(); i++) {
      scores.add(score(zset, args.bytes(i)));
    }
    return Replies.array(scores);
  }

  static Reply zrank(ExecutionContext ctx, CommandArgs args) {
    return rank(ctx, args, false);
  }

  static Reply zrevrank(ExecutionContext ctx, CommandArgs args) {
    return rank(ctx, args, true);
  }

  static Reply zcount(ExecutionContext ctx, CommandArgs args) {
    return count(ctx, args.bytes(1), ScoreRange.parse(args.bytes(2), args.bytes(3)));
  }

  static Reply zlexcount(ExecutionContext ctx, CommandArgs args) {
    return count(ctx, args.bytes(1), LexRange.parse(args.bytes(2), args.bytes(3)));
  }

  private static Reply count(ExecutionContext ctx, byte[] key, ZSetRange range) {
    ZSetValue zset = ZSets.find(ctx, key);
    return Replies.integer(zset == null ? 0 : range.count(zset));
  }

  /**
   * ZRANK key member [WITHSCORE] (WITHSCORE is Redis 7.2's): the position, or [position, score];
   * nil for an absent key or member, a nil array when WITHSCORE was asked for.
   */
  private static Reply rank(ExecutionContext ctx, CommandArgs args, boolean reverse) {
    if (args.argc() > 4) {
      throw new CommandException(ErrorReplies.wrongArity(args.name()));
    }
    boolean withScore = args.argc() == 4;
    if (withScore && !args.is(3, "WITHSCORE")) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    ZSetValue zset = ZSets.find(ctx, args.bytes(1));
    int rank = zset == null ? -1 : zset.rank(args.bytes(2));
    if (rank < 0) {
      return withScore ? Replies.NIL_ARRAY : Replies.NIL;
    }
    Reply position = Replies.integer(reverse ? zset.size() - 1 - rank : rank);
    return withScore ? Replies.array(position, Replies.dbl(zset.score(args.bytes(2)))) : position;
  }

  private static Reply score(ZSetValue zset, byte[] member) {
    double score = zset == null ? Double.NaN : zset.score(member);
    return Double.isNaN(score) ? Replies.NIL : Replies.dbl(score);
  }
}
