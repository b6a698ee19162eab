package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Replies;
import java.util.Set;

/**
 * The timeout argument of the blocking pops: seconds as a float, 0 for no limit. It is the last
 * argument, except for BLMPOP and BZMPOP where it comes first.
 */
public final class BlockingTimeout {
  private static final Set<String> TIMEOUT_FIRST = Set.of("blmpop", "bzmpop");

  private BlockingTimeout() {}

  /** The timeout in milliseconds (0: wait without limit), or Redis's error for a bad one. */
  public static long millis(CommandArgs args) {
    int index = TIMEOUT_FIRST.contains(args.name()) ? 1 : args.argc() - 1;
    Double seconds = RedisNumbers.parseDouble(args.bytes(index));
    if (seconds == null || seconds.isInfinite() || seconds > Long.MAX_VALUE / 1000.0) {
      throw new CommandException(Replies.error("ERR timeout is not a float or out of range"));
    }
    if (seconds < 0) {
      throw new CommandException(Replies.error("ERR timeout is negative"));
    }
    return (long) Math.ceil(seconds * 1000);
  }
}
