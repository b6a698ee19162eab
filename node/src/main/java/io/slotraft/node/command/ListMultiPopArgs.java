package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.List;

/**
 * The arguments of LMPOP, and of BLMPOP whose numkeys comes after its timeout: {@code numkeys key
 * [key ...] LEFT|RIGHT [COUNT count]}. Checked in Redis's order: numkeys, then the side, then the
 * options, each with Redis's error text.
 *
 * @param count 1 unless given
 */
public record ListMultiPopArgs(List<byte[]> keys, ListSide side, long count) {
  private static final Reply NUMKEYS_NOT_POSITIVE = Replies.error("ERR numkeys should be greater than 0");
  private static final Reply COUNT_NOT_POSITIVE = Replies.error("ERR count should be greater than 0");

  /** Parses from {@code numkeysIndex}, the position of numkeys in argv. */
  public static ListMultiPopArgs parse(CommandArgs args, int numkeysIndex) {
    Long numkeys = RedisNumbers.parseLong(args.bytes(numkeysIndex));
    if (numkeys == null || numkeys < 1) {
      throw new CommandException(NUMKEYS_NOT_POSITIVE);
    }
    // More keys announced than there are arguments left for them and the side.
    if (numkeys >= args.argc() - numkeysIndex - 1) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    int sideIndex = numkeysIndex + 1 + numkeys.intValue();
    ListSide side = ListSide.parse(args, sideIndex);
    long count = parseCount(args, sideIndex + 1);
    return new ListMultiPopArgs(args.argv().subList(numkeysIndex + 1, sideIndex), side, count);
  }

  /** The only option is COUNT, and it may be given once. */
  private static long parseCount(CommandArgs args, int from) {
    long count = -1;
    for (int i = from; i < args.argc(); i++) {
      if (count != -1 || !args.is(i, "COUNT") || i + 1 >= args.argc()) {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
      Long value = RedisNumbers.parseLong(args.bytes(++i));
      if (value == null || value < 1) {
        throw new CommandException(COUNT_NOT_POSITIVE);
      }
      count = value;
    }
    return count == -1 ? 1 : count;
  }
}
