package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.Strtod;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * A score interval as ZCOUNT, ZRANGEBYSCORE and ZREMRANGEBYSCORE take it: each bound a number,
 * "-inf" or "+inf", exclusive when written with a leading '('. Bounds are read with strtod as
 * Redis reads them, which is laxer than a score: leading white space, and "(" or "" alone meaning 0.
 */
record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) implements ZSetRange {
  static final Reply NOT_A_FLOAT = Replies.error("ERR min or max is not a float");

  static ScoreRange parse(byte[] min, byte[] max) {
    boolean minExclusive = min.length > 0 && min[0] == '(';
    boolean maxExclusive = max.length > 0 && max[0] == '(';
    return new ScoreRange(bound(min, minExclusive), minExclusive, bound(max, maxExclusive), maxExclusive);
  }

  @Override
  public int start(ZSetValue zset) {
    return zset.countBelow(min, minExclusive);
  }

  @Override
  public int end(ZSetValue zset) {
    return zset.countBelow(max, !maxExclusive);
  }

  private static double bound(byte[] text, boolean exclusive) {
    Strtod.Result read = Strtod.parse(text, exclusive ? 1 : 0);
    if (read.end() != text.length || Double.isNaN(read.value())) {
      throw new CommandException(NOT_A_FLOAT);
    }
    return read.value();
  }
}
