package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. The cursor is the keyspace table's
 * reverse-binary bucket cursor, so a key present for the whole scan is returned at least once
 * however the table grows or shrinks between calls; a key may be returned twice.
 */
final class ScanCommand {
  private static final Reply INVALID_CURSOR = Replies.error("ERR invalid cursor");

  private ScanCommand() {}

  private record Options(long count, GlobPattern pattern, String type) {}

  static Reply scan(ExecutionContext ctx, CommandArgs args) {
    long cursor = parseCursor(args.bytes(1));
    Options options = parseOptions(args);
    List<KeyEntry> visited = new ArrayList<>();
    long next = walk(ctx.keyspace(), cursor, options.count(), visited);
    List<byte[]> keys = new ArrayList<>();
    for (KeyEntry entry : visited) {
      if (wanted(entry, options, ctx.nowMs())) {
        keys.add(entry.key());
      }
    }
    return Replies.array(Replies.bulk(Long.toUnsignedString(next)), Replies.bulkArray(keys));
  }

  /**
   * Visits buckets until {@code count} entries were seen or the scan ends; like Redis, it gives up
   * after ten times {@code count} buckets, so a sparse table answers few keys rather than stall.
   */
  private static long walk(Keyspace keyspace, long cursor, long count, List<KeyEntry> visited) {
    if (keyspace.size() == 0) {
      return 0;
    }
    long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
    do {
      cursor = keyspace.scanStep(cursor, visited::add);
    } while (cursor != 0 && budget-- > 0 && visited.size() < count);
    return cursor;
  }

  /** Reads see an expired key as absent, so SCAN skips it; an unknown TYPE matches nothing. */
  private static boolean wanted(KeyEntry entry, Options options, long nowMs) {
    if (entry.isExpired(nowMs)) {
      return false;
    }
    if (options.pattern() != null && !options.pattern().matches(entry.key())) {
      return false;
    }
    return options.type() == null || options.type().equalsIgnoreCase(entry.value().typeName());
  }

  private static Options parseOptions(CommandArgs args) {
    long count = 10;
    GlobPattern pattern = null;
    String type = null;
    for (int i = 2; i < args.argc(); i += 2) {
      if (i + 1 >= args.argc()) {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
      switch (args.upper(i)) {
        case "COUNT" -> count = positiveCount(args, i + 1);
        case "MATCH" -> pattern = GlobPattern.compile(args.bytes(i + 1));
        case "TYPE" -> type = args.string(i + 1);
        default -> throw new CommandException(ErrorReplies.SYNTAX);
      }
    }
    return new Options(count, pattern == null || pattern.matchesEverything() ? null : pattern, type);
  }

  static long positiveCount(CommandArgs args, int index) {
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
}
