package io.slotraft.node.session;

import static io.slotraft.node.catalog.CommandFlag.ADMIN;
import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.NOSCRIPT;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CONFIG GET, SET, RESETSTAT and REWRITE over the node's real parameters ({@link ConfigTable}).
 * Parameters fixed at start-up are reported but refused by SET, as Redis refuses immutable ones.
 */
public final class ConfigCommand {
  private ConfigCommand() {}

  public static void register(CommandCatalog.Builder b) {
    b.command("config", -2).group("server").since("2.0.0")
        .summary("Reads and changes the node's parameters.")
        .handler(new ContainerCommand("config", List.of(
            Subcommand.of("get", "GET <pattern> [<pattern> ...]", -3,
                "Returns the parameters whose names match the glob patterns.", "2.0.0", ConfigCommand::get,
                ADMIN, NOSCRIPT, LOADING, STALE),
            Subcommand.of("set", "SET <parameter> <value> [<parameter> <value> ...]", -4,
                "Changes parameters that can change while the node runs.", "2.0.0", ConfigCommand::set,
                ADMIN, NOSCRIPT, LOADING, STALE),
            Subcommand.of("resetstat", "RESETSTAT", 2, "Resets the statistics INFO reports.", "2.0.0",
                (session, node, args) -> {
                  node.stats().reset();
                  return Replies.OK;
                }, ADMIN, NOSCRIPT, LOADING, STALE),
            Subcommand.of("rewrite", "REWRITE", 2, "Not available: settings come from flags, environment and file.",
                "2.8.0", (session, node, args) -> Replies.error("ERR The server is running without a config file"),
                ADMIN, NOSCRIPT, LOADING, STALE))));
  }

  private static Reply get(ClientSession session, NodeServices node, CommandArgs args) {
    Map<String, String> found = new LinkedHashMap<>();
    for (int i = 2; i < args.argc(); i++) {
      for (ConfigParameter parameter : node.config().matching(args.string(i))) {
        found.putIfAbsent(parameter.name(), parameter.reader().get());
      }
    }
    List<Reply> pairs = new ArrayList<>();
    found.forEach((name, value) -> {
      pairs.add(Replies.bulk(name));
      pairs.add(Replies.bulk(value));
    });
    return new Reply.MapReply(pairs);
  }

  /** Checks every pair before changing any, so one bad pair leaves every parameter as it was. */
  private static Reply set(ClientSession session, NodeServices node, CommandArgs args) {
    if (args.argc() % 2 != 0) {
      return Replies.error("ERR wrong number of arguments for 'config|set' command");
    }
    List<ConfigParameter> targets = new ArrayList<>();
    for (int i = 2; i < args.argc(); i += 2) {
      ConfigParameter parameter = node.config().get(args.string(i));
      if (parameter == null) {
        return Replies.error("ERR Unknown option or number of arguments for CONFIG SET - '" + args.string(i) + "'");
      }
      if (!parameter.mutable()) {
        return failed(parameter, "can't set immutable config");
      }
      String problem = parameter.check().apply(args.string(i + 1));
      if (problem != null) {
        return failed(parameter, problem);
      }
      targets.add(parameter);
    }
    for (int i = 0; i < targets.size(); i++) {
      targets.get(i).apply().accept(args.string(3 + 2 * i));
    }
    return Replies.OK;
  }

  private static Reply failed(ConfigParameter parameter, String problem) {
    return Replies.error("ERR CONFIG SET failed (possibly related to argument '" + parameter.name() + "') - " + problem);
  }
}
