package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * One parsed ZRANGE-family call. ZRANGE and ZRANGESTORE take BYSCORE, BYLEX, REV, LIMIT and
 * WITHSCORES; the older commands are the same request with the kind and direction fixed by their
 * name, so that ZRANGEBYSCORE refuses REV and ZREVRANGE refuses BYLEX, as in Redis.
 *
 * @param kind what the two bounds are: positions, scores or members
 * @param offset LIMIT's offset; 0 without LIMIT
 * @param limit LIMIT's count; -1 (no limit) without LIMIT, and any negative count means no limit
 * @param range the bounds read as scores or members; null for positions
 */
record ZRangeRequest(Kind kind, boolean reverse, boolean withScores, long offset, long limit, long start,
    long stop, ZSetRange range) {
  static final Reply LIMIT_NEEDS_BY = Replies.error(
      "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
  static final Reply NO_SCORES_BY_LEX =
      Replies.error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");

  enum Kind { RANK, SCORE, LEX }

  /**
   * Reads argv from the source key at {@code keyIndex}: bounds, then options.
   *
   * @param fixedKind the kind the command's name implies, or null (ZRANGE, ZRANGESTORE)
   * @param fixedReverse the direction the command's name implies, or null
   * @param store true for ZRANGESTORE, which takes no WITHSCORES
   */
  static ZRangeRequest parse(CommandArgs args, int keyIndex, Kind fixedKind, Boolean fixedReverse, boolean store) {
    Kind kind = fixedKind;
    Boolean reverse = fixedReverse;
    boolean withScores = false;
    long offset = 0;
    long limit = -1;
    for (int i = keyIndex + 3; i < args.argc(); i++) {
      if (!store && args.is(i, "WITHSCORES")) {
        withScores = true;
      } else if (args.is(i, "LIMIT") && args.argc() - i - 1 >= 2) {
        offset = args.longArg(i + 1);
        limit = args.longArg(i + 2);
        i += 2;
      } else if (reverse == null && args.is(i, "REV")) {
        reverse = true;
      } else if (kind == null && args.is(i, "BYLEX")) {
        kind = Kind.LEX;
      } else if (kind == null && args.is(i, "BYSCORE")) {
        kind = Kind.SCORE;
      } else {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
    }
    kind = kind == null ? Kind.RANK : kind;
    boolean backwards = reverse != null && reverse;
    return withBounds(args, keyIndex, kind, backwards, withScores, offset, limit);
  }

  private static ZRangeRequest withBounds(CommandArgs args, int keyIndex, Kind kind, boolean reverse,
      boolean withScores, long offset, long limit) {
    if (limit != -1 && kind == Kind.RANK) {
      throw new CommandException(LIMIT_NEEDS_BY);
    }
    if (withScores && kind == Kind.LEX) {
      throw new CommandException(NO_SCORES_BY_LEX);
    }
    // Reversed score and member ranges are written highest first: max, then min.
    int lowIndex = keyIndex + (reverse && kind != Kind.RANK ? 2 : 1);
    int highIndex = keyIndex + (reverse && kind != Kind.RANK ? 1 : 2);
    switch (kind) {
      case SCORE:
        return new ZRangeRequest(kind, reverse, withScores, offset, limit, 0, 0,
            ScoreRange.parse(args.bytes(lowIndex), args.bytes(highIndex)));
      case LEX:
        return new ZRangeRequest(kind, reverse, withScores, offset, limit, 0, 0,
            LexRange.parse(args.bytes(lowIndex), args.bytes(highIndex)));
      default:
        long start = args.longArg(lowIndex);
        long stop = args.longArg(highIndex);
        return new ZRangeRequest(kind, reverse, withScores, offset, limit, start, stop, null);
    }
  }
}
