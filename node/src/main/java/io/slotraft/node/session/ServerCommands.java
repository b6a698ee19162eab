package io.slotraft.node.session;

import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** The server group: COMMAND (the catalog described), INFO, CONFIG and TIME. */
public final class ServerCommands {
  private ServerCommands() {}

  public static void register(CommandCatalog.Builder b) {
    b.command("command", -1).flags(LOADING, STALE).group("server").since("2.8.13")
        .summary("Describes the commands this node understands.")
        .handler(CommandIntrospection.container());
    b.command("info", -1).flags(LOADING, STALE).group("server").since("1.0.0")
        .summary("Reports the node's state and statistics by section.")
        .handler((SessionHandler) ServerCommands::info);
    ConfigCommand.register(b);
    b.command("time", 1).flags(LOADING, STALE, FAST).group("server").since("2.6.0")
        .summary("Returns the node's clock as seconds and microseconds.")
        .handler((SessionHandler) ServerCommands::time);
  }

  private static Reply info(ClientSession session, NodeServices node, CommandArgs args) {
    List<String> sections = new ArrayList<>();
    for (int i = 1; i < args.argc(); i++) {
      sections.add(args.string(i));
    }
    return Replies.bulk(InfoRenderer.render(node, sections));
  }

  /** The node's millisecond clock, so microseconds always end in 000. */
  private static Reply time(ClientSession session, NodeServices node, CommandArgs args) {
    long nowMs = node.nowMs();
    return Replies.array(Replies.bulk(Long.toString(nowMs / 1000)), Replies.bulk(Long.toString(nowMs % 1000 * 1000)));
  }
}
