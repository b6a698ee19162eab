package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * INCR, INCRBY, DECR, DECRBY and INCRBYFLOAT: a string read as a number, changed, and stored back
 * as its decimal text. An absent key counts as 0; the key's expiry is kept.
 */
final class CounterCommands {
  private static final Reply DECREMENT_OVERFLOW = Replies.error("ERR decrement would overflow");

  private CounterCommands() {}

  static Reply incr(ExecutionContext ctx, CommandArgs args) {
    return add(ctx, args.bytes(1), 1);
  }

  static Reply incrBy(ExecutionContext ctx, CommandArgs args) {
    return add(ctx, args.bytes(1), args.longArg(2));
  }

  static Reply decr(ExecutionContext ctx, CommandArgs args) {
    return add(ctx, args.bytes(1), -1);
  }

  static Reply decrBy(ExecutionContext ctx, CommandArgs args) {
    return add(ctx, args.bytes(1), -decrement(args));
  }

  /** DECRBY's decrement; its argument check too. */
  static long decrement(CommandArgs args) {
    long decrement = args.longArg(2);
    // Its negation does not exist, so Redis refuses it before looking at the key.
    if (decrement == Long.MIN_VALUE) {
      throw new CommandException(DECREMENT_OVERFLOW);
    }
    return decrement;
  }

  /**
   * Computed in long double precision and printed as Redis prints it (see {@link LongDouble}).
   * Redis reads the stored value before the increment, so a bad value wins over a bad argument.
   */
  static Reply incrByFloat(ExecutionContext ctx, CommandArgs args) {
    KeyEntry entry = ctx.lookup(args.bytes(1));
    LongDouble current = entry == null ? LongDouble.ZERO : parseFloat(Strings.bytesOf(entry));
    LongDouble result = current.plus(parseFloat(args.bytes(2)));
    if (!result.isFinite()) {
      throw new CommandException(ErrorReplies.NAN_OR_INFINITY);
    }
    byte[] text = Strings.ascii(result.toHumanString());
    Strings.store(ctx, args.bytes(1), entry, text);
    return Replies.bulk(text);
  }

  private static Reply add(ExecutionContext ctx, byte[] key, long delta) {
    KeyEntry entry = ctx.lookup(key);
    long current = entry == null ? 0 : parseInteger(Strings.bytesOf(entry));
    long result;
    try {
      result = Math.addExact(current, delta);
    } catch (ArithmeticException overflow) {
      throw new CommandException(ErrorReplies.OVERFLOW);
    }
    Strings.store(ctx, key, entry, Strings.ascii(Long.toString(result)));
    return Replies.integer(result);
  }

  private static long parseInteger(byte[] bytes) {
    Long value = RedisNumbers.parseLong(bytes);
    if (value == null) {
      throw new CommandException(ErrorReplies.NOT_INTEGER);
    }
    return value;
  }

  private static LongDouble parseFloat(byte[] bytes) {
    LongDouble value = LongDoubleParser.parse(bytes);
    if (value == null) {
      throw new CommandException(ErrorReplies.NOT_FLOAT);
    }
    return value;
  }
}
