package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.Arrays;

/** APPEND, STRLEN, GETRANGE and SETRANGE: commands on part of a string, by byte offset. */
final class StringRangeCommands {
  private static final byte[] EMPTY = new byte[0];

  private StringRangeCommands() {}

  static Reply append(ExecutionContext ctx, CommandArgs args) {
    byte[] suffix = args.bytes(2);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      ctx.keyspace().put(args.bytes(1), new StringValue(suffix), 0);
      return Replies.integer(suffix.length);
    }
    byte[] old = Strings.bytesOf(entry);
    Strings.checkLength(old.length, suffix.length);
    byte[] joined = Arrays.copyOf(old, old.length + suffix.length);
    System.arraycopy(suffix, 0, joined, old.length, suffix.length);
    ctx.keyspace().replaceValue(entry, new StringValue(joined));
    return Replies.integer(joined.length);
  }

  static Reply strlen(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    return Replies.integer(entry == null ? 0 : Strings.bytesOf(entry).length);
  }

  /** Inclusive byte range; negative indexes count from the end, as in Redis 7. */
  static Reply getRange(ExecutionContext ctx, CommandArgs args) {
    long start = args.longArg(2);
    long end = args.longArg(3);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    if (entry == null) {
      return Replies.bulk(EMPTY);
    }
    byte[] bytes = Strings.bytesOf(entry);
    if (start < 0 && end < 0 && start > end) {
      return Replies.bulk(EMPTY);
    }
    long length = bytes.length;
    start = Math.max(0, start < 0 ? length + start : start);
    end = Math.min(length - 1, Math.max(0, end < 0 ? length + end : end));
    if (start > end || length == 0) {
      return Replies.bulk(EMPTY);
    }
    return Replies.bulk(Arrays.copyOfRange(bytes, (int) start, (int) end + 1));
  }

  /** Writes at an offset, zero-padding a shorter string; an empty value writes nothing. */
  /** SETRANGE's offset, checked before the key is looked at; its argument check too. */
  static long offset(CommandArgs args) {
    long offset = args.longArg(2);
    if (offset < 0) {
      throw new CommandException(ErrorReplies.OFFSET_OUT_OF_RANGE);
    }
    return offset;
  }

  static Reply setRange(ExecutionContext ctx, CommandArgs args) {
    long offset = offset(args);
    byte[] patch = args.bytes(3);
    KeyEntry entry = ctx.lookup(args.bytes(1));
    byte[] old = entry == null ? EMPTY : Strings.bytesOf(entry);
    if (patch.length == 0) {
      return Replies.integer(old.length);
    }
    Strings.checkLength(offset, patch.length);
    byte[] result = Arrays.copyOf(old, (int) Math.max(old.length, offset + patch.length));
    System.arraycopy(patch, 0, result, (int) offset, patch.length);
    Strings.store(ctx, args.bytes(1), entry, result);
    return Replies.integer(result.length);
  }
}
