package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** ZPOPMIN, ZPOPMAX and ZMPOP; the popping itself is {@link ZSetPops}, shared with the blocking pops. */
final class ZPopCommands {
  static final Reply COUNT_NOT_POSITIVE = Replies.error("ERR value is out of range, must be positive");
  static final Reply NUMKEYS_NOT_POSITIVE = Replies.error("ERR numkeys should be greater than 0");
  static final Reply MPOP_COUNT_NOT_POSITIVE = Replies.error("ERR count should be greater than 0");

  private ZPopCommands() {}

  static Reply zpopmin(ExecutionContext ctx, CommandArgs args) {
    return pop(ctx, args, false);
  }

  static Reply zpopmax(ExecutionContext ctx, CommandArgs args) {
    return pop(ctx, args, true);
  }

  /**
   * ZPOPMIN key [count]: without a count a flat [member, score]; with one, pairs (nested in RESP3,
   * even for a count of 1), as Redis 7 answers.
   */
  /** ZPOPMIN's and ZPOPMAX's count, 1 without one; their argument check too. */
  static long popCount(CommandArgs args) {
    if (args.argc() > 3) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return args.argc() == 3 ? atLeast(args.bytes(2), 0, COUNT_NOT_POSITIVE) : 1;
  }

  private static Reply pop(ExecutionContext ctx, CommandArgs args, boolean highest) {
    long count = popCount(args);
    boolean counted = args.argc() == 3;
    ZSetPops.Popped popped = ZSetPops.pop(ctx, args.bytes(1), highest, count);
    List<Reply> flat = new ArrayList<>();
    if (popped != null) {
      for (int i = 0; i < popped.members().size(); i++) {
        flat.add(Replies.bulk(popped.members().get(i)));
        flat.add(Replies.dbl(popped.scores().get(i)));
      }
    }
    return counted ? new Reply.Pairs(flat) : Replies.array(flat);
  }

  /** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: nil array when every key is absent. */
  static Reply zmpop(ExecutionContext ctx, CommandArgs args) {
    return mpop(ctx, args, 1);
  }

  /** ZMPOP's body with numkeys at {@code numKeysIndex} (BZMPOP has its timeout before it). */
  static Reply mpop(ExecutionContext ctx, CommandArgs args, int numKeysIndex) {
    MultiPop request = parseMpop(args, numKeysIndex);
    ZSetPops.checkOneSlot(request.keys());
    ZSetPops.Popped popped = ZSetPops.popFirst(ctx, request.keys(), request.highest(), request.count());
    return popped == null ? Replies.NIL_ARRAY : ZSetPops.mpopReply(popped);
  }

  /** What ZMPOP and BZMPOP asked for. */
  record MultiPop(List<byte[]> keys, boolean highest, long count) {}

  /** ZMPOP's arguments from numkeys at {@code numKeysIndex}, all checked before any key is read. */
  static MultiPop parseMpop(CommandArgs args, int numKeysIndex) {
    List<byte[]> keys = mpopKeys(args, numKeysIndex);
    int whereIndex = numKeysIndex + 1 + keys.size();
    boolean highest = side(args, whereIndex);
    long count = 1;
    boolean countSeen = false;
    for (int i = whereIndex + 1; i < args.argc(); i += 2) {
      if (countSeen || !args.is(i, "COUNT") || i + 1 >= args.argc()) {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
      count = atLeast(args.bytes(i + 1), 1, MPOP_COUNT_NOT_POSITIVE);
      countSeen = true;
    }
    return new MultiPop(keys, highest, count);
  }

  /** The keys of ZMPOP or BZMPOP, after checking numkeys. */
  static List<byte[]> mpopKeys(CommandArgs args, int numKeysIndex) {
    long numKeys = atLeast(args.bytes(numKeysIndex), 1, NUMKEYS_NOT_POSITIVE);
    if (numKeys > args.argc() - numKeysIndex - 2) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return args.argv().subList(numKeysIndex + 1, numKeysIndex + 1 + (int) numKeys);
  }

  /** MIN or MAX, any case; true for MAX. */
  static boolean side(CommandArgs args, int index) {
    if (args.is(index, "MIN")) {
      return false;
    }
    if (args.is(index, "MAX")) {
      return true;
    }
    throw new CommandException(ErrorReplies.SYNTAX);
  }

  /** An integer of at least {@code minimum}; anything else, unparsable included, is {@code error}. */
  static long atLeast(byte[] text, long minimum, Reply error) {
    Long value = RedisNumbers.parseLong(text);
    if (value == null || value < minimum) {
      throw new CommandException(error);
    }
    return value;
  }
}
