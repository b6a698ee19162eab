package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.SlotHash;

/**
 * SINTERCARD's arguments: numkeys, the keys, and LIMIT. Routing finds every key through the
 * catalog's keyCount and answers CROSSSLOT first; the slot check here is the second line, for
 * replicas reading with an older router.
 *
 * @param keysEnd the argv index just after the last key
 * @param limit the LIMIT, 0 for none
 */
record SetCardinalityArgs(int keysEnd, long limit) {
  private static final Reply BAD_NUMKEYS = Replies.error("ERR numkeys should be greater than 0");
  private static final Reply TOO_MANY_KEYS = Replies.error("ERR Number of keys can't be greater than number of args");
  private static final Reply NEGATIVE_LIMIT = Replies.error("ERR LIMIT can't be negative");

  static SetCardinalityArgs parse(CommandArgs args) {
    Long numKeys = RedisNumbers.parseLong(args.bytes(1));
    if (numKeys == null || numKeys <= 0) {
      throw new CommandException(BAD_NUMKEYS);
    }
    if (numKeys > args.argc() - 2) {
      throw new CommandException(TOO_MANY_KEYS);
    }
    int keysEnd = 2 + numKeys.intValue();
    // Redis Cluster finds the keys, and so answers CROSSSLOT, before the command reads LIMIT.
    checkOneSlot(args, keysEnd);
    long limit = 0;
    for (int i = keysEnd; i < args.argc(); i += 2) {
      if (!args.is(i, "LIMIT") || i + 1 >= args.argc()) {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
      Long value = RedisNumbers.parseLong(args.bytes(i + 1));
      if (value == null || value < 0) {
        throw new CommandException(NEGATIVE_LIMIT);
      }
      limit = value;
    }
    return new SetCardinalityArgs(keysEnd, limit);
  }

  private static void checkOneSlot(CommandArgs args, int keysEnd) {
    int slot = SlotHash.slot(args.bytes(2));
    for (int i = 3; i < keysEnd; i++) {
      if (SlotHash.slot(args.bytes(i)) != slot) {
        throw new CommandException(new RoutingReply.CrossSlot());
      }
    }
  }
}
