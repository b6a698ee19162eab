package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * COMMAND GETKEYS and GETKEYSANDFLAGS: the keys of a command line found through the catalog's
 * key positions, the same positions routing uses, with Redis's errors for a line that is not a
 * command, has no keys, or has the wrong number of arguments.
 */
final class CommandKeys {
  private static final Reply INVALID_COMMAND = Replies.error("ERR Invalid command specified");
  private static final Reply NO_KEYS = Replies.error("ERR The command has no key arguments");
  private static final Reply WRONG_COUNT = Replies.error("ERR Invalid number of arguments specified for command");
  private static final Reply NO_KEYS_FOUND = Replies.error("ERR Invalid arguments specified for command");

  private CommandKeys() {}

  /** {@code describe} turns each key into its reply element. */
  static Reply of(CommandCatalog catalog, CommandArgs args, BiFunction<CommandEntry, byte[], Reply> describe) {
    List<byte[]> line = args.from(2);
    CommandEntry entry = entryOf(catalog, line);
    if (entry == null) {
      return INVALID_COMMAND;
    }
    if (!entry.keys().hasKeys()) {
      return NO_KEYS;
    }
    if (!entry.acceptsArgc(line.size())) {
      return WRONG_COUNT;
    }
    List<byte[]> keys = entry.keys().keys(line);
    if (keys.isEmpty()) {
      return NO_KEYS_FOUND;
    }
    List<Reply> items = new ArrayList<>();
    keys.forEach(key -> items.add(describe.apply(entry, key)));
    return Replies.array(items);
  }

  /** As Redis: a container's subcommand is looked up when the line names one. */
  private static CommandEntry entryOf(CommandCatalog catalog, List<byte[]> line) {
    CommandSpec spec = catalog.lookup(new String(line.get(0), StandardCharsets.UTF_8));
    if (spec == null) {
      return null;
    }
    if (line.size() >= 2 && spec.handler() instanceof ContainerCommand container) {
      Subcommand subcommand = container.subcommand(new String(line.get(1), StandardCharsets.UTF_8));
      return subcommand == null ? null : new CommandEntry(spec, subcommand);
    }
    return new CommandEntry(spec, null);
  }
}
