package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * HINCRBY and HINCRBYFLOAT: a field's value read as a number, changed, and stored back as decimal
 * text. An absent field counts as 0. Errors come in Redis's order: the increment first, then the
 * key's type, then the stored value, then the result.
 */
final class HashCounterCommands {
  private static final Reply NOT_INTEGER = Replies.error("ERR hash value is not an integer");
  private static final Reply NOT_FLOAT = Replies.error("ERR hash value is not a float");
  private static final Reply INCREMENT_NOT_FINITE = Replies.error("ERR value is NaN or Infinity");

  private HashCounterCommands() {}

  static Reply hincrBy(ExecutionContext ctx, CommandArgs args) {
    long increment = args.longArg(3);
    byte[] current = currentValue(ctx, args);
    long value = current == null ? 0 : parseInteger(current);
    long result;
    try {
      result = Math.addExact(value, increment);
    } catch (ArithmeticException overflow) {
      throw new CommandException(ErrorReplies.OVERFLOW);
    }
    store(ctx, args, Strings.ascii(Long.toString(result)));
    return Replies.integer(result);
  }

  /** HINCRBYFLOAT's increment, checked before the hash is looked at; its argument check too. */
  static LongDouble floatIncrement(CommandArgs args) {
    LongDouble increment = LongDoubleParser.parse(args.bytes(3));
    if (increment == null) {
      throw new CommandException(ErrorReplies.NOT_FLOAT);
    }
    if (!increment.isFinite()) {
      throw new CommandException(INCREMENT_NOT_FINITE);
    }
    return increment;
  }

  /** Computed in long double precision and printed as INCRBYFLOAT prints it (see {@link LongDouble}). */
  static Reply hincrByFloat(ExecutionContext ctx, CommandArgs args) {
    LongDouble increment = floatIncrement(args);
    byte[] current = currentValue(ctx, args);
    LongDouble value = current == null ? LongDouble.ZERO : parseFloat(current);
    LongDouble result = value.plus(increment);
    if (!result.isFinite()) {
      throw new CommandException(ErrorReplies.NAN_OR_INFINITY);
    }
    byte[] text = Strings.ascii(result.toHumanString());
    store(ctx, args, text);
    return Replies.bulk(text);
  }

  /** The value of field argv[2] of hash argv[1], or null when either is absent. */
  private static byte[] currentValue(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    return hash == null ? null : hash.get(args.bytes(2));
  }

  private static void store(ExecutionContext ctx, CommandArgs args, byte[] value) {
    long bytes = (long) args.bytes(2).length + value.length;
    StoredCollections.forAdding(ctx, args.bytes(1), HashValue.class, HashValue::new, 1, bytes)
        .put(args.bytes(2), value);
  }

  private static long parseInteger(byte[] bytes) {
    Long value = RedisNumbers.parseLong(bytes);
    if (value == null) {
      throw new CommandException(NOT_INTEGER);
    }
    return value;
  }

  private static LongDouble parseFloat(byte[] bytes) {
    LongDouble value = LongDoubleParser.parse(bytes);
    // A stored "inf" parses; the sum then fails as not finite, as in Redis.
    if (value == null) {
      throw new CommandException(NOT_FLOAT);
    }
    return value;
  }
}
