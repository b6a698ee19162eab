package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...] and ZINCRBY. Answers how
 * many members were added (and changed, with CH), or with INCR the new score, nil when an option
 * kept the member from changing. An absent key with XX stays absent.
 */
final class ZAddCommand {
  static final Reply NAN_SCORE = Replies.error("ERR resulting score is not a number (NaN)");

  private ZAddCommand() {}

  static Reply zadd(ExecutionContext ctx, CommandArgs args) {
    return add(ctx, args, ZAddOptions.parse(args));
  }

  static Reply zincrby(ExecutionContext ctx, CommandArgs args) {
    return add(ctx, args, ZAddOptions.incrBy(args));
  }

  private static Reply add(ExecutionContext ctx, CommandArgs args, ZAddOptions options) {
    byte[] key = args.bytes(1);
    KeyEntry entry = ctx.lookup(key);
    if (entry == null && options.xx()) {
      return options.incr() ? Replies.NIL : Replies.ZERO;
    }
    ZSetValue zset = entry == null ? new ZSetValue() : ZSets.forUpdate(ctx, entry);
    long added = 0;
    long changed = 0;
    double last = Double.NaN;
    for (int i = 0; i < options.pairCount(); i++) {
      byte[] member = args.bytes(options.firstPair() + 2 * i + 1);
      double before = zset.score(member);
      last = apply(zset, member, before, options.scores()[i], options);
      if (!Double.isNaN(last)) {
        added += Double.isNaN(before) ? 1 : 0;
        changed += !Double.isNaN(before) && before != last ? 1 : 0;
      }
    }
    if (entry == null && zset.size() > 0) {
      ctx.keyspace().put(key, zset, 0);
    }
    if (options.incr()) {
      return Double.isNaN(last) ? Replies.NIL : Replies.dbl(last);
    }
    return Replies.integer(options.ch() ? added + changed : added);
  }

  /**
   * Adds or updates one member as the options allow; answers its score afterwards (the new one,
   * or the unchanged current one) or NaN when the options left the member out.
   */
  private static double apply(ZSetValue zset, byte[] member, double current, double score, ZAddOptions options) {
    if (Double.isNaN(current)) {
      if (options.xx()) {
        return Double.NaN;
      }
      zset.put(member, ZSets.storedScore(score));
      return score;
    }
    if (options.nx()) {
      return Double.NaN;
    }
    double wanted = options.incr() ? current + score : score;
    if (Double.isNaN(wanted)) {
      throw new CommandException(NAN_SCORE);
    }
    if ((options.gt() && wanted <= current) || (options.lt() && wanted >= current)) {
      return Double.NaN;
    }
    if (wanted != current) {
      zset.put(member, ZSets.storedScore(wanted));
    }
    return wanted;
  }
}
