package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.List;

/** LPOP, RPOP, LMPOP, LMOVE and RPOPLPUSH: the argument parsing and replies around {@link ListPops}. */
final class ListPopCommands {
  private static final Reply COUNT_NOT_POSITIVE = Replies.error("ERR value is out of range, must be positive");

  private ListPopCommands() {}

  static Reply lpop(ExecutionContext ctx, CommandArgs args) {
    return pop(ctx, args, ListSide.LEFT);
  }

  static Reply rpop(ExecutionContext ctx, CommandArgs args) {
    return pop(ctx, args, ListSide.RIGHT);
  }

  /** LMOVE's argument check: both sides, as the handler reads them. */
  static void checkMove(CommandArgs args) {
    ListSide.parse(args, 3);
    ListSide.parse(args, 4);
  }

  static Reply lmove(ExecutionContext ctx, CommandArgs args) {
    ListSide from = ListSide.parse(args, 3);
    ListSide to = ListSide.parse(args, 4);
    return Replies.bulk(ListPops.move(ctx, args.bytes(1), args.bytes(2), from, to));
  }

  static Reply rpoplpush(ExecutionContext ctx, CommandArgs args) {
    return Replies.bulk(ListPops.move(ctx, args.bytes(1), args.bytes(2), ListSide.RIGHT, ListSide.LEFT));
  }

  /** {@code LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]}: answers [key, [elements]] or a nil array. */
  static Reply lmpop(ExecutionContext ctx, CommandArgs args) {
    ListMultiPopArgs parsed = ListMultiPopArgs.parse(args, 1);
    Lists.checkOneSlot(parsed.keys());
    ListPops.Popped popped = ListPops.popFirstNonEmpty(ctx, parsed.keys(), parsed.side(), parsed.count());
    if (popped == null) {
      return Replies.NIL_ARRAY;
    }
    return Replies.array(Replies.bulk(popped.key()), Replies.bulkArray(popped.elements()));
  }

  /** LPOP's and RPOP's count, -1 without one; their argument check too. */
  static long count(CommandArgs args) {
    if (args.argc() > 3) {
      throw new CommandException(ErrorReplies.wrongArity(args.name()));
    }
    return args.argc() == 2 ? -1 : Lists.nonNegative(args, 2, COUNT_NOT_POSITIVE);
  }

  /**
   * Without a count: one element or nil. With one: an array of up to count elements, a nil array
   * for an absent key, and an empty array for count 0 on a list. The count is checked first.
   */
  private static Reply pop(ExecutionContext ctx, CommandArgs args, ListSide side) {
    long count = count(args);
    if (count < 0) {
      List<byte[]> popped = ListPops.pop(ctx, args.bytes(1), side, 1);
      return popped == null ? Replies.NIL : Replies.bulk(popped.get(0));
    }
    List<byte[]> popped = ListPops.pop(ctx, args.bytes(1), side, count);
    return popped == null ? Replies.NIL_ARRAY : Replies.bulkArray(popped);
  }
}
