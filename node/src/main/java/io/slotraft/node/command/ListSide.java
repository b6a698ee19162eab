package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.reply.ErrorReplies;

/** An end of a list: LEFT is the head, RIGHT the tail, as LMOVE, LMPOP and BLMPOP spell them. */
public enum ListSide {
  LEFT,
  RIGHT;

  /** The argument as a side in any case, or a syntax error. */
  public static ListSide parse(CommandArgs args, int index) {
    if (args.is(index, "LEFT")) {
      return LEFT;
    }
    if (args.is(index, "RIGHT")) {
      return RIGHT;
    }
    throw new CommandException(ErrorReplies.SYNTAX);
  }

  void push(ListValue list, byte[] element) {
    if (this == LEFT) {
      list.pushFirst(element);
    } else {
      list.pushLast(element);
    }
  }

  byte[] pop(ListValue list) {
    return this == LEFT ? list.popFirst() : list.popLast();
  }
}
