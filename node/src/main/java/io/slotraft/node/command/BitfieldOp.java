package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * One GET, SET or INCRBY of a BITFIELD command, with the OVERFLOW mode in force where it appeared.
 *
 * @param value SET's new value or INCRBY's increment; unused by GET
 */
record BitfieldOp(Kind kind, BitfieldType type, long offset, long value, BitfieldOverflow overflow) {
  private static final Reply INVALID_OVERFLOW = Replies.error("ERR Invalid OVERFLOW type specified");

  enum Kind { GET, SET, INCRBY }

  /**
   * Parses every operation from argv[2] on, before any runs: an error anywhere means nothing
   * happens. Errors come in argument order, as Redis finds them.
   */
  static List<BitfieldOp> parseAll(CommandArgs args) {
    List<BitfieldOp> ops = new ArrayList<>();
    BitfieldOverflow overflow = BitfieldOverflow.WRAP;
    int i = 2;
    while (i < args.argc()) {
      int remaining = args.argc() - i - 1;
      if (args.is(i, "OVERFLOW") && remaining >= 1) {
        overflow = overflow(args, i + 1);
        i += 2;
        continue;
      }
      Kind kind = kind(args, i, remaining);
      BitfieldType type = BitfieldType.parse(args.bytes(i + 1));
      long offset = BitOffsets.parse(args.bytes(i + 2), type.bits());
      long value = kind == Kind.GET ? 0 : args.longArg(i + 3);
      ops.add(new BitfieldOp(kind, type, offset, value, overflow));
      i += kind == Kind.GET ? 3 : 4;
    }
    return ops;
  }

  /** GET needs two more arguments, SET and INCRBY three; anything else is a syntax error. */
  private static Kind kind(CommandArgs args, int i, int remaining) {
    if (args.is(i, "GET") && remaining >= 2) {
      return Kind.GET;
    }
    if (args.is(i, "SET") && remaining >= 3) {
      return Kind.SET;
    }
    if (args.is(i, "INCRBY") && remaining >= 3) {
      return Kind.INCRBY;
    }
    throw new CommandException(ErrorReplies.SYNTAX);
  }

  private static BitfieldOverflow overflow(CommandArgs args, int i) {
    for (BitfieldOverflow mode : BitfieldOverflow.values()) {
      if (args.is(i, mode.name())) {
        return mode;
      }
    }
    throw new CommandException(INVALID_OVERFLOW);
  }

  boolean writes() {
    return kind != Kind.GET;
  }

  /** The last bit this operation may write. */
  long lastBit() {
    return offset + type.bits() - 1;
  }

  /**
   * Runs on {@code bytes}, which must already reach {@link #lastBit} for a write. SET answers the
   * old value, INCRBY the new one, and either answers nil when OVERFLOW FAIL stopped it.
   */
  Reply apply(byte[] bytes) {
    long old = type.read(bytes, offset);
    if (kind == Kind.GET) {
      return Replies.integer(old);
    }
    Long stored = kind == Kind.SET
        ? overflow.resolve(type, value, type.sideOf(value))
        : overflow.resolve(type, old + value, type.sideOfSum(old, value));
    if (stored == null) {
      return Replies.NIL;
    }
    type.write(bytes, offset, stored);
    return Replies.integer(kind == Kind.SET ? old : stored);
  }
}
