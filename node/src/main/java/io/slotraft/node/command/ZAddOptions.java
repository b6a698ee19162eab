package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * ZADD's options and score-member pairs, checked in Redis's order: the pairs' count, then the
 * conflicting options, then every score, all before the key is looked at.
 *
 * @param firstPair argv index of the first score
 */
record ZAddOptions(boolean nx, boolean xx, boolean gt, boolean lt, boolean ch, boolean incr, int firstPair,
    double[] scores) {
  static final Reply XX_AND_NX = Replies.error("ERR XX and NX options at the same time are not compatible");
  static final Reply GT_LT_NX = Replies.error("ERR GT, LT, and/or NX options at the same time are not compatible");
  static final Reply INCR_ONE_PAIR = Replies.error("ERR INCR option supports a single increment-element pair");

  static ZAddOptions parse(CommandArgs args) {
    boolean nx = false;
    boolean xx = false;
    boolean gt = false;
    boolean lt = false;
    boolean ch = false;
    boolean incr = false;
    int i = 2;
    for (; i < args.argc(); i++) {
      switch (args.upper(i)) {
        case "NX" -> nx = true;
        case "XX" -> xx = true;
        case "GT" -> gt = true;
        case "LT" -> lt = true;
        case "CH" -> ch = true;
        case "INCR" -> incr = true;
        default -> {
          return checked(args, new ZAddOptions(nx, xx, gt, lt, ch, incr, i, null));
        }
      }
    }
    return checked(args, new ZAddOptions(nx, xx, gt, lt, ch, incr, i, null));
  }

  /** ZINCRBY key increment member: ZADD INCR with one pair and nothing else. */
  static ZAddOptions incrBy(CommandArgs args) {
    return withScores(args, new ZAddOptions(false, false, false, false, false, true, 2, null));
  }

  int pairCount() {
    return scores.length;
  }

  private static ZAddOptions checked(CommandArgs args, ZAddOptions options) {
    int words = args.argc() - options.firstPair;
    if (words == 0 || words % 2 != 0) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    if (options.nx && options.xx) {
      throw new CommandException(XX_AND_NX);
    }
    if ((options.gt && options.nx) || (options.lt && options.nx) || (options.gt && options.lt)) {
      throw new CommandException(GT_LT_NX);
    }
    if (options.incr && words > 2) {
      throw new CommandException(INCR_ONE_PAIR);
    }
    return withScores(args, options);
  }

  private static ZAddOptions withScores(CommandArgs args, ZAddOptions options) {
    double[] scores = new double[(args.argc() - options.firstPair) / 2];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = args.doubleArg(options.firstPair + 2 * i);
    }
    return new ZAddOptions(options.nx, options.xx, options.gt, options.lt, options.ch, options.incr,
        options.firstPair, scores);
  }
}
