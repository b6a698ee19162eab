package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * ZRANDMEMBER key [count [WITHSCORES]]: one member, or {@code count} distinct ones (all of them
 * when the set is smaller), or with a negative count |count| members drawn independently. Every
 * draw comes from the context's random source, never from a generator of its own.
 */
final class ZRandMemberCommand {
  static final Reply COUNT_RANGE = Replies.error(
      "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
  static final Reply OUT_OF_RANGE = Replies.error("ERR value is out of range");
  /**
   * The most draws with repetition one call may ask for. Redis has no such limit and would build
   * whatever reply it is asked for; a node refuses rather than run out of memory for one command.
   */
  static final long MAX_DRAWS = 1L << 24;

  private ZRandMemberCommand() {}

  static Reply zrandmember(ExecutionContext ctx, CommandArgs args) {
    if (args.argc() == 2) {
      ZSetValue zset = ZSets.find(ctx, args.bytes(1));
      return zset == null ? Replies.NIL : Replies.bulk(zset.memberAt(ctx.random().nextInt(zset.size())));
    }
    long count = count(args);
    boolean withScores = withScores(args);
    // Redis refuses counts whose doubled reply length would overflow.
    if (withScores && Math.abs(count) > Long.MAX_VALUE / 2) {
      throw new CommandException(OUT_OF_RANGE);
    }
    ZSetValue zset = ZSets.find(ctx, args.bytes(1));
    if (zset == null || count == 0) {
      return Replies.EMPTY_ARRAY;
    }
    List<Integer> positions = count < 0 ? draws(zset.size(), -count, ctx.random())
        : distinct(zset.size(), count, ctx.random());
    return reply(zset, positions, withScores);
  }

  private static long count(CommandArgs args) {
    long count = args.longArg(2);
    if (count == Long.MIN_VALUE) {
      throw new CommandException(COUNT_RANGE);
    }
    return count;
  }

  private static boolean withScores(CommandArgs args) {
    if (args.argc() == 3) {
      return false;
    }
    if (args.argc() > 4 || !args.is(3, "WITHSCORES")) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return true;
  }

  /** {@code draws} positions drawn independently: the same member may come more than once. */
  private static List<Integer> draws(int size, long draws, RandomGenerator random) {
    if (draws > MAX_DRAWS) {
      throw new CommandException(OUT_OF_RANGE);
    }
    List<Integer> positions = new ArrayList<>((int) draws);
    for (long i = 0; i < draws; i++) {
      positions.add(random.nextInt(size));
    }
    return positions;
  }

  /**
   * {@code count} distinct positions in random order, or every position in order when the set has
   * no more than that. Floyd's sampling: one draw per position taken, however full the sample.
   */
  private static List<Integer> distinct(int size, long count, RandomGenerator random) {
    List<Integer> positions = new ArrayList<>((int) Math.min(size, count));
    if (count >= size) {
      for (int i = 0; i < size; i++) {
        positions.add(i);
      }
      return positions;
    }
    Set<Integer> taken = new HashSet<>();
    for (int bound = size - (int) count; bound < size; bound++) {
      int pick = random.nextInt(bound + 1);
      Integer chosen = taken.add(pick) ? pick : bound;
      taken.add(chosen);
      positions.add(chosen);
    }
    return positions;
  }

  private static Reply reply(ZSetValue zset, List<Integer> positions, boolean withScores) {
    List<Reply> items = new ArrayList<>(positions.size() * (withScores ? 2 : 1));
    for (int position : positions) {
      items.add(Replies.bulk(zset.memberAt(position)));
      if (withScores) {
        items.add(Replies.dbl(zset.scoreAt(position)));
      }
    }
    return withScores ? new Reply.Pairs(items) : new Reply.Array(items);
  }
}
