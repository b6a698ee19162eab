package io.slotraft.node.catalog;

import io.slotraft.node.reply.ErrorReplies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One invocation's argv: {@code argv.get(0)} is the command name as the client sent it, the rest
 * its arguments. Parsing helpers throw {@link CommandException} with Redis's error text.
 */
public final class CommandArgs {
  private final List<byte[]> argv;

  public CommandArgs(List<byte[]> argv) {
    this.argv = argv;
  }

  public static CommandArgs of(String... words) {
    return new CommandArgs(java.util.Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList());
  }

  public List<byte[]> argv() {
    return argv;
  }

  /** Number of words including the command name, as Redis's argc. */
  public int argc() {
    return argv.size();
  }

  public String name() {
    return string(0).toLowerCase(Locale.ROOT);
  }

  public byte[] bytes(int index) {
    return argv.get(index);
  }

  public String string(int index) {
    return new String(argv.get(index), StandardCharsets.UTF_8);
  }

  /** The argument upper-cased, for matching options like {@code EX} or {@code NX}. */
  public String upper(int index) {
    return string(index).toUpperCase(Locale.ROOT);
  }

  public boolean is(int index, String option) {
    return string(index).equalsIgnoreCase(option);
  }

  /** The argument as a signed 64-bit integer, strictly as Redis parses it, or "not an integer". */
  public long longArg(int index) {
    Long value = RedisNumbers.parseLong(argv.get(index));
    if (value == null) {
      throw new CommandException(ErrorReplies.NOT_INTEGER);
    }
    return value;
  }

  /** The argument as a finite double, or "not a valid float". */
  public double doubleArg(int index) {
    Double value = RedisNumbers.parseDouble(argv.get(index));
    if (value == null) {
      throw new CommandException(ErrorReplies.NOT_FLOAT);
    }
    return value;
  }

  public List<byte[]> from(int index) {
    return argv.subList(Math.min(index, argv.size()), argv.size());
  }
}
