package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.Arrays;

/**
 * A member interval as ZLEXCOUNT, ZRANGEBYLEX and ZREMRANGEBYLEX take it: each bound "[member"
 * (inclusive), "(member" (exclusive), "-" (below every member) or "+" (above every member).
 * Meaningful when every score is the same, as Redis documents; see {@link ZSetValue#countMembersBelow}.
 */
record LexRange(Bound min, Bound max) implements ZSetRange {
  static final Reply NOT_A_RANGE_ITEM = Replies.error("ERR min or max not valid string range item");

  /** One end: {@code member} is null for "-" and "+", which {@code aboveAll} tells apart. */
  record Bound(byte[] member, boolean exclusive, boolean aboveAll) {
    /** How many members sort below this bound, the member itself counting when {@code andAt}. */
    int countBelow(ZSetValue zset, boolean andAt) {
      if (member == null) {
        return aboveAll ? zset.size() : 0;
      }
      return zset.countMembersBelow(member, andAt);
    }
  }

  static LexRange parse(byte[] min, byte[] max) {
    return new LexRange(bound(min), bound(max));
  }

  @Override
  public int start(ZSetValue zset) {
    return min.countBelow(zset, min.exclusive());
  }

  @Override
  public int end(ZSetValue zset) {
    return max.countBelow(zset, !max.exclusive());
  }

  private static Bound bound(byte[] text) {
    if (text.length == 1 && (text[0] == '-' || text[0] == '+')) {
      return new Bound(null, false, text[0] == '+');
    }
    if (text.length == 0 || (text[0] != '[' && text[0] != '(')) {
      throw new CommandException(NOT_A_RANGE_ITEM);
    }
    return new Bound(Arrays.copyOfRange(text, 1, text.length), text[0] == '(', false);
  }
}
