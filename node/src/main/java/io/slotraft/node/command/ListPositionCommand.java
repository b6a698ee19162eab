package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ListCursor;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]: the indexes (from the head) of
 * matching elements. RANK n skips n-1 matches, a negative one searching from the tail; COUNT 0
 * means every match; MAXLEN bounds how many elements are compared, 0 meaning all.
 */
final class ListPositionCommand {
  private static final Reply RANK_ZERO = Replies.error("ERR RANK can't be zero: use 1 to start from the first"
      + " match, 2 from the second ... or use negative to start from the end of the list");
  /** Redis 7.0 negated this rank with an overflow; later releases refuse it with this text. */
  private static final Reply RANK_OUT_OF_RANGE = Replies.error(
      "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
  private static final Reply COUNT_NEGATIVE = Replies.error("ERR COUNT can't be negative");
  private static final Reply MAXLEN_NEGATIVE = Replies.error("ERR MAXLEN can't be negative");

  /** The parsed options; {@code count} is -1 when COUNT was not given (a single-index reply). */
  private record Options(long rank, long count, long maxlen) {}

  private ListPositionCommand() {}

  static Reply lpos(ExecutionContext ctx, CommandArgs args) {
    Options options = parse(args);
    ListValue list = Lists.listOrNull(ctx.lookup(args.bytes(1)));
    List<Integer> found = list == null ? List.of() : find(list, args.bytes(2), options);
    if (options.count() >= 0) {
      List<Reply> indexes = new ArrayList<>(found.size());
      found.forEach(index -> indexes.add(Replies.integer(index)));
      return Replies.array(indexes);
    }
    return found.isEmpty() ? Replies.NIL : Replies.integer(found.get(0));
  }

  private static List<Integer> find(ListValue list, byte[] element, Options options) {
    boolean fromTail = options.rank() < 0;
    long skip = Math.abs(options.rank()) - 1;
    long wanted = options.count() == 0 ? Long.MAX_VALUE : Math.max(1, options.count());
    long compared = options.maxlen() == 0 ? list.size() : Math.min(options.maxlen(), list.size());
    List<Integer> found = new ArrayList<>();
    ListCursor at = list.cursor(fromTail ? list.size() - 1 : 0);
    for (long i = 0; i < compared && found.size() < wanted; i++) {
      if (at.matches(element) && skip-- <= 0) {
        found.add(at.index());
      }
      if (fromTail) {
        at.previous();
      } else {
        at.next();
      }
    }
    return found;
  }

  /** Options may come in any order and repeat, the last one winning; each needs its value. */
  private static Options parse(CommandArgs args) {
    long rank = 1;
    long count = -1;
    long maxlen = 0;
    for (int i = 3; i < args.argc(); i += 2) {
      if (i + 1 >= args.argc()) {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
      if (args.is(i, "RANK")) {
        rank = parseRank(args, i + 1);
      } else if (args.is(i, "COUNT")) {
        count = Lists.nonNegative(args, i + 1, COUNT_NEGATIVE);
      } else if (args.is(i, "MAXLEN")) {
        maxlen = Lists.nonNegative(args, i + 1, MAXLEN_NEGATIVE);
      } else {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
    }
    return new Options(rank, count, maxlen);
  }

  private static long parseRank(CommandArgs args, int index) {
    long rank = args.longArg(index);
    if (rank == Long.MIN_VALUE) {
      throw new CommandException(RANK_OUT_OF_RANGE);
    }
    if (rank == 0) {
      throw new CommandException(RANK_ZERO);
    }
    return rank;
  }
}
