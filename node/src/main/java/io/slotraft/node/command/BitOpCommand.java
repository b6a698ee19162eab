package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BITOP AND|OR|XOR|NOT destkey key [key ...]: combines strings byte by byte into destkey. Shorter
 * strings and absent keys count as zero bytes up to the longest; the result replaces destkey
 * whatever its type (and its expiry), and an empty result deletes destkey. Answers the length.
 */
final class BitOpCommand {
  private static final Reply NOT_ONE_KEY = Replies.error("ERR BITOP NOT must be called with a single source key.");
  private static final byte[] EMPTY = new byte[0];

  private BitOpCommand() {}

  enum Operator {
    AND, OR, XOR, NOT;

    int combine(int a, int b) {
      switch (this) {
        case AND:
          return a & b;
        case OR:
          return a | b;
        case XOR:
          return a ^ b;
        default:
          throw new IllegalStateException("NOT takes one operand");
      }
    }
  }

  /** BITOP's operator, checked with its number of sources before any is read; its argument check too. */
  static Operator checkedOperator(CommandArgs args) {
    Operator operator = operator(args);
    if (operator == Operator.NOT && args.argc() != 4) {
      throw new CommandException(NOT_ONE_KEY);
    }
    return operator;
  }

  static Reply bitOp(ExecutionContext ctx, CommandArgs args) {
    Operator operator = checkedOperator(args);
    List<byte[]> sources = new ArrayList<>();
    int length = 0;
    for (int i = 3; i < args.argc(); i++) {
      KeyEntry entry = ctx.lookup(args.bytes(i));
      byte[] bytes = entry == null ? EMPTY : Strings.bytesOf(entry);
      sources.add(bytes);
      length = Math.max(length, bytes.length);
    }
    byte[] destination = args.bytes(2);
    if (length == 0) {
      ctx.keyspace().delete(destination, ctx.nowMs());
      return Replies.ZERO;
    }
    ctx.keyspace().put(destination, new StringValue(apply(operator, sources, length)), 0);
    return Replies.integer(length);
  }

  private static Operator operator(CommandArgs args) {
    try {
      return Operator.valueOf(args.upper(1));
    } catch (IllegalArgumentException unknown) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
  }

  private static byte[] apply(Operator operator, List<byte[]> sources, int length) {
    byte[] result = Arrays.copyOf(sources.get(0), length);
    if (operator == Operator.NOT) {
      for (int i = 0; i < length; i++) {
        result[i] = (byte) ~result[i];
      }
      return result;
    }
    for (byte[] source : sources.subList(1, sources.size())) {
      for (int i = 0; i < length; i++) {
        int other = i < source.length ? source[i] : 0;
        result[i] = (byte) operator.combine(result[i], other);
      }
    }
    return result;
  }
}
