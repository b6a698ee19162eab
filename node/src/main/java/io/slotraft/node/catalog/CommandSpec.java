package io.slotraft.node.catalog;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One catalog entry: everything the node knows about a command. RESP, gRPC, routing, COMMAND, INFO
 * commandstats and the state machine all read this one record.
 *
 * @param name lower-case command name
 * @param arity Redis arity: positive is exact argc (name included), negative is a minimum
 * @param flags Redis flags; exactly one of WRITE/READONLY for keyspace commands
 * @param keys where the keys are in argv
 * @param group Redis's command group (string, generic, connection, server, cluster)
 * @param summary one line for COMMAND DOCS
 * @param since the Redis version that introduced the command's current form
 * @param handler what runs it
 * @param arguments what the leader checks before proposing a write ({@link ArgumentCheck})
 */
public record CommandSpec(String name, int arity, Set<CommandFlag> flags, KeySpec keys, String group,
    String summary, String since, CommandHandler handler, ArgumentCheck arguments) {

  public CommandSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(handler, () -> name + ": no handler");
    Objects.requireNonNull(arguments, () -> name + ": no argument check (ArgumentCheck.UNDECLARED if none)");
    flags = Set.copyOf(flags.isEmpty() ? EnumSet.noneOf(CommandFlag.class) : EnumSet.copyOf(flags));
    if (handler instanceof KeyspaceHandler && flags.contains(CommandFlag.WRITE) == flags.contains(CommandFlag.READONLY)) {
      throw new IllegalArgumentException(name + ": a keyspace command is either WRITE or READONLY");
    }
    if (arity == 0) {
      throw new IllegalArgumentException(name + ": arity 0 is not a Redis arity");
    }
  }

  public boolean isWrite() {
    return flags.contains(CommandFlag.WRITE);
  }

  public boolean has(CommandFlag flag) {
    return flags.contains(flag);
  }

  /** Whether the entry says how its arguments are checked (if only that they need no check). */
  public boolean declaresArguments() {
    return arguments != ArgumentCheck.UNDECLARED;
  }

  /** True when {@code argc} (name included) satisfies the arity. */
  public boolean acceptsArgc(int argc) {
    return arity > 0 ? argc == arity : argc >= -arity;
  }
}
