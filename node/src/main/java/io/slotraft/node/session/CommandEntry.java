package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command or one subcommand of a container, as COMMAND INFO, DOCS, LIST and GETKEYS see it.
 * Subcommands are found through the container's handler, so the catalog stays the one table
 * that every introspection walks.
 *
 * @param command the catalog entry (the container, for a subcommand)
 * @param subcommand the subcommand, or null for the command itself
 */
record CommandEntry(CommandSpec command, Subcommand subcommand) {

  /** {@code name} or {@code container|subcommand} in any case, or null, as Redis looks names up. */
  static CommandEntry lookup(CommandCatalog catalog, String name) {
    String[] parts = name.split("\\|", -1);
    if (parts.length > 2) {
      return null;
    }
    CommandSpec spec = catalog.lookup(parts[0]);
    if (spec == null || parts.length == 1) {
      return spec == null ? null : new CommandEntry(spec, null);
    }
    return spec.handler() instanceof ContainerCommand container && container.subcommand(parts[1]) != null
        ? new CommandEntry(spec, container.subcommand(parts[1]))
        : null;
  }

  /** Every command followed by its subcommands, as COMMAND LIST names them. */
  static List<CommandEntry> allWithSubcommands(CommandCatalog catalog) {
    List<CommandEntry> entries = new ArrayList<>();
    for (CommandSpec spec : catalog.all()) {
      CommandEntry entry = new CommandEntry(spec, null);
      entries.add(entry);
      entries.addAll(entry.subcommands());
    }
    return entries;
  }

  /** The subcommands of a container command; empty otherwise. */
  List<CommandEntry> subcommands() {
    if (subcommand != null || !(command.handler() instanceof ContainerCommand container)) {
      return List.of();
    }
    return container.subcommands().stream().map(sub -> new CommandEntry(command, sub)).toList();
  }

  boolean isContainer() {
    return subcommand == null && command.handler() instanceof ContainerCommand;
  }

  String fullName() {
    return subcommand == null ? command.name() : subcommand.fullName(command.name());
  }

  int arity() {
    return subcommand == null ? command.arity() : subcommand.arity();
  }

  Set<CommandFlag> flags() {
    return subcommand == null ? command.flags() : subcommand.flags();
  }

  /** Subcommands declare no keys: none of CLIENT, COMMAND or CLUSTER takes a key argument. */
  KeySpec keys() {
    return subcommand == null ? command.keys() : KeySpec.NONE;
  }

  String summary() {
    return subcommand == null ? command.summary() : subcommand.summary();
  }

  String since() {
    return subcommand == null ? command.since() : subcommand.since();
  }

  /** A subcommand belongs to its container's group, as in Redis. */
  String group() {
    return command.group();
  }

  List<String> aclCategories() {
    return AclCategories.of(flags(), isContainer() ? null : group());
  }

  boolean acceptsArgc(int argc) {
    int arity = arity();
    return arity > 0 ? argc == arity : argc >= -arity;
  }
}
