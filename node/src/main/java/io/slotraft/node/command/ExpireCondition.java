package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/** The NX, XX, GT and LT options of EXPIRE and its variants, checked as Redis checks them. */
record ExpireCondition(boolean nx, boolean xx, boolean gt, boolean lt) {
  private static final Reply NX_CONFLICT =
      Replies.error("ERR NX and XX, GT or LT options at the same time are not compatible");
  private static final Reply GT_LT_CONFLICT =
      Replies.error("ERR GT and LT options at the same time are not compatible");

  /** Parses argv[3..]; an unknown word is reported before any conflict between known ones. */
  static ExpireCondition parse(CommandArgs args) {
    boolean nx = false;
    boolean xx = false;
    boolean gt = false;
    boolean lt = false;
    for (int i = 3; i < args.argc(); i++) {
      switch (args.upper(i)) {
        case "NX" -> nx = true;
        case "XX" -> xx = true;
        case "GT" -> gt = true;
        case "LT" -> lt = true;
        default -> throw new CommandException(Replies.error("ERR Unsupported option " + args.string(i)));
      }
    }
    if (nx && (xx || gt || lt)) {
      throw new CommandException(NX_CONFLICT);
    }
    if (gt && lt) {
      throw new CommandException(GT_LT_CONFLICT);
    }
    return new ExpireCondition(nx, xx, gt, lt);
  }

  /**
   * Whether a key whose expiry is {@code currentMs} (0: none) may get {@code newMs}. No expiry
   * counts as infinitely far: GT never beats it and LT always does.
   */
  boolean allows(long currentMs, long newMs) {
    boolean persistent = currentMs == 0;
    if (nx && !persistent || xx && persistent) {
      return false;
    }
    if (gt && (persistent || newMs <= currentMs)) {
      return false;
    }
    return !(lt && !persistent && newMs >= currentMs);
  }
}
