package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one command line through the catalog the way the dispatcher will: look the name up, check
 * the arity, call the keyspace handler, and turn a {@link CommandException} into its reply.
 */
final class CommandRunner {
  static final CommandCatalog CATALOG = standardCatalog();

  private CommandRunner() {}

  static CommandCatalog standardCatalog() {
    CommandCatalog.Builder builder = CommandCatalog.builder();
    StandardKeyspaceCommands.register(builder);
    return builder.build();
  }

  static Reply exec(ExecutionContext ctx, String... words) {
    return exec(ctx, Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList());
  }

  static Reply exec(ExecutionContext ctx, List<byte[]> argv) {
    CommandSpec spec = spec(argv);
    if (!spec.acceptsArgc(argv.size())) {
      return ErrorReplies.wrongArity(spec.name());
    }
    try {
      return ((KeyspaceHandler) spec.handler()).execute(ctx, new CommandArgs(argv));
    } catch (CommandException e) {
      return e.reply();
    }
  }

  static CommandSpec spec(List<byte[]> argv) {
    String name = new String(argv.get(0), StandardCharsets.UTF_8);
    CommandSpec spec = CATALOG.lookup(name);
    if (spec == null) {
      throw new IllegalArgumentException("not a keyspace command: " + name);
    }
    return spec;
  }
}
