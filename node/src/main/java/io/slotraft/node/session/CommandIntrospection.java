package io.slotraft.node.session;

import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.command.GlobPattern;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/** COMMAND and its subcommands: the catalog described to clients, in Redis 7's formats. */
final class CommandIntrospection {
  private CommandIntrospection() {}

  static ContainerCommand container() {
    return new ContainerCommand("command", List.of(
        Subcommand.of("count", "COUNT", 2, "Returns how many commands the node has.", "2.8.13",
            (session, node, args) -> Replies.integer(node.catalog().size()), LOADING, STALE),
        Subcommand.of("docs", "DOCS [<command-name> ...]", -2,
            "Documents the named commands, or every command.", "7.0.0", CommandIntrospection::docs,
            LOADING, STALE),
        Subcommand.of("getkeys", "GETKEYS <command> [<arg> ...]", -3,
            "Returns the keys of a whole command line.", "2.8.13", CommandIntrospection::getKeys,
            LOADING, STALE),
        Subcommand.of("getkeysandflags", "GETKEYSANDFLAGS <command> [<arg> ...]", -3,
            "Returns the keys of a whole command line with what the command does to each.", "7.0.0",
            CommandIntrospection::getKeysAndFlags, LOADING, STALE),
        Subcommand.of("info", "INFO [<command-name> ...]", -2,
            "Describes the named commands, or every command.", "2.8.13", CommandIntrospection::info,
            LOADING, STALE),
        Subcommand.of("list", "LIST [FILTERBY <MODULE <name>|ACLCAT <category>|PATTERN <pattern>>]", -2,
            "Names every command and subcommand, optionally filtered.", "7.0.0", CommandListing::execute,
            LOADING, STALE)),
        (session, node, args) -> all(node.catalog()));
  }

  /** COMMAND alone: every top-level command; subcommands appear inside their container. */
  private static Reply all(CommandCatalog catalog) {
    List<Reply> entries = new ArrayList<>();
    for (CommandSpec spec : catalog.all()) {
      entries.add(CommandInfoFormat.of(new CommandEntry(spec, null)));
    }
    return Replies.array(entries);
  }

  private static Reply info(ClientSession session, NodeServices node, CommandArgs args) {
    if (args.argc() == 2) {
      return all(node.catalog());
    }
    List<Reply> entries = new ArrayList<>();
    for (int i = 2; i < args.argc(); i++) {
      CommandEntry entry = CommandEntry.lookup(node.catalog(), args.string(i));
      entries.add(entry == null ? Replies.NIL : CommandInfoFormat.of(entry));
    }
    return Replies.array(entries);
  }

  /** Unknown names are left out of DOCS (COMMAND INFO answers nil for them instead). */
  private static Reply docs(ClientSession session, NodeServices node, CommandArgs args) {
    List<CommandEntry> entries = new ArrayList<>();
    if (args.argc() == 2) {
      node.catalog().all().forEach(spec -> entries.add(new CommandEntry(spec, null)));
    } else {
      for (int i = 2; i < args.argc(); i++) {
        entries.add(CommandEntry.lookup(node.catalog(), args.string(i)));
      }
      entries.removeIf(Objects::isNull);
    }
    return CommandDocs.namedDocs(entries);
  }

  private static Reply getKeys(ClientSession session, NodeServices node, CommandArgs args) {
    return CommandKeys.of(node.catalog(), args, (entry, key) -> Replies.bulk(key));
  }

  private static Reply getKeysAndFlags(ClientSession session, NodeServices node, CommandArgs args) {
    return CommandKeys.of(node.catalog(), args,
        (entry, key) -> Replies.array(Replies.bulk(key), CommandInfoFormat.keyFlags(entry)));
  }

  /** COMMAND LIST [FILTERBY MODULE|ACLCAT|PATTERN arg]. */
  private static final class CommandListing {
    private CommandListing() {}

    static Reply execute(ClientSession session, NodeServices node, CommandArgs args) {
      Predicate<CommandEntry> filter = entry -> true;
      if (args.argc() == 5 && args.is(2, "FILTERBY")) {
        filter = filter(args.string(3), args.string(4));
      } else if (args.argc() != 2) {
        return ErrorReplies.SYNTAX;
      }
      if (filter == null) {
        return ErrorReplies.SYNTAX;
      }
      return Replies.array(CommandEntry.allWithSubcommands(node.catalog()).stream()
          .filter(filter).map(entry -> Replies.bulk(entry.fullName())).toList());
    }

    /** Null for an unknown filter type. No command comes from a module: Slotraft has none. */
    private static Predicate<CommandEntry> filter(String type, String argument) {
      return switch (type.toLowerCase(Locale.ROOT)) {
        case "module" -> entry -> false;
        case "aclcat" -> entry -> entry.aclCategories().contains("@" + argument.toLowerCase(Locale.ROOT));
        case "pattern" -> {
          // Command names are lower case; Redis matches the pattern without regard to case.
          GlobPattern pattern = GlobPattern.compile(argument.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
          yield entry -> pattern.matches(entry.fullName().getBytes(StandardCharsets.UTF_8));
        }
        default -> null;
      };
    }
  }
}
