package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.List;

/**
 * What SCAN, HSCAN and SSCAN share: the cursor, the MATCH and COUNT options and each command's own
 * extra option, and the walk that gathers one call's worth of elements.
 *
 * @param count how many elements one call should gather (a hint, as in Redis)
 * @param pattern the MATCH pattern, or null when every element matches
 * @param type SCAN's TYPE, or null
 * @param noValues HSCAN's NOVALUES (Redis 7.4): fields without their values
 */
record ScanOptions(long count, GlobPattern pattern, String type, boolean noValues) {
  private static final Reply INVALID_CURSOR = Replies.error("ERR invalid cursor");

  /** The option a command takes besides MATCH and COUNT. */
  enum Extra {
    NONE,
    TYPE,
    NOVALUES
  }

  /** One step of a cursor walk: visits a bucket's elements and returns the next cursor. */
  interface Step<T> {
    long step(long cursor, List<T> visited);
  }

  boolean matches(byte[] element) {
    return pattern == null || pattern.matches(element);
  }

  /**
   * Calls {@code step} until {@code count} elements were visited or the scan ends; like Redis, it
   * gives up after ten times {@code count} buckets, so a sparse table answers few elements rather
   * than stall. Returns the next cursor.
   */
  <T> long walk(long cursor, Step<T> step, List<T> visited) {
    long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
    do {
      cursor = step.step(cursor, visited);
    } while (cursor != 0 && budget-- > 0 && visited.size() < count);
    return cursor;
  }

  /** Parses the options from argv[{@code from}] on; an option this command does not take is a syntax error. */
  static ScanOptions parse(CommandArgs args, int from, Extra extra) {
    long count = 10;
    GlobPattern pattern = null;
    String type = null;
    boolean noValues = false;
    int i = from;
    while (i < args.argc()) {
      boolean hasValue = i + 1 < args.argc();
      if (args.is(i, "COUNT") && hasValue) {
        count = positiveCount(args, i + 1);
      } else if (args.is(i, "MATCH") && hasValue) {
        pattern = GlobPattern.compile(args.bytes(i + 1));
      } else if (args.is(i, "TYPE") && hasValue && extra == Extra.TYPE) {
        type = args.string(i + 1);
      } else if (args.is(i, "NOVALUES") && extra == Extra.NOVALUES) {
        noValues = true;
        i--;
      } else {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
      i += 2;
    }
    return new ScanOptions(count, pattern == null || pattern.matchesEverything() ? null : pattern, type, noValues);
  }

  private static long positiveCount(CommandArgs args, int index) {
    long count = args.longArg(index);
    if (count < 1) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return count;
  }

  /**
   * An unsigned 64-bit decimal, read as C's strtoul reads it and Redis accepts it: an optional sign
   * ("-1" is the largest cursor), no leading space, nothing after the digits, no overflow. The empty
   * string reads as 0, as in Redis.
   */
  static long parseCursor(byte[] text) {
    int i = 0;
    boolean negative = false;
    if (text.length > 0 && (text[0] == '+' || text[0] == '-')) {
      negative = text[0] == '-';
      i = 1;
      if (text.length == 1) {
        throw new CommandException(INVALID_CURSOR);
      }
    }
    long value = 0;
    for (; i < text.length; i++) {
      int digit = text[i] - '0';
      if (digit < 0 || digit > 9 || Long.compareUnsigned(value, Long.divideUnsigned(-1L, 10)) > 0) {
        throw new CommandException(INVALID_CURSOR);
      }
      long shifted = value * 10;
      value = shifted + digit;
      if (Long.compareUnsigned(value, shifted) < 0) {
        throw new CommandException(INVALID_CURSOR);
      }
    }
    return negative ? -value : value;
  }

  /** The reply of every scan: the next cursor as a decimal string, then the elements. */
  static Reply reply(long nextCursor, List<byte[]> elements) {
    return Replies.array(Replies.bulk(Long.toUnsignedString(nextCursor)), Replies.bulkArray(elements));
  }
}
