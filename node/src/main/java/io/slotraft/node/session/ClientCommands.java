package io.slotraft.node.session;

import static io.slotraft.node.catalog.CommandFlag.ADMIN;
import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.NOSCRIPT;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.List;
import java.util.function.BiConsumer;

/** The subcommands of CLIENT that concern one connection; CLIENT LIST lives in {@link ClientList}. */
final class ClientCommands {
  private ClientCommands() {}

  static ContainerCommand container() {
    return new ContainerCommand("client", List.of(
        Subcommand.of("id", "ID", 2, "Returns this connection's id.", "5.0.0",
            (session, node, args) -> Replies.integer(session.id()), NOSCRIPT, LOADING, STALE),
        Subcommand.of("getname", "GETNAME", 2, "Returns this connection's name, or nil.", "2.6.9",
            (session, node, args) -> Replies.bulk(session.name()), NOSCRIPT, LOADING, STALE),
        Subcommand.of("setname", "SETNAME <connection-name>", 3,
            "Names this connection; an empty name removes it.", "2.6.9",
            ClientCommands::setName, NOSCRIPT, LOADING, STALE),
        Subcommand.of("info", "INFO", 2, "Describes this connection as one CLIENT LIST line.", "6.2.0",
            (session, node, args) -> Replies.bulk(ClientInfoLine.of(session, node.nowMs()) + "\n"),
            NOSCRIPT, LOADING, STALE),
        Subcommand.of("list", "LIST [TYPE <type>] [ID <id> [<id> ...]]", -2,
            "Describes the connections to this node, one line each.", "2.4.0",
            ClientList::execute, ADMIN, NOSCRIPT, LOADING, STALE),
        Subcommand.of("setinfo", "SETINFO <LIB-NAME|LIB-VER> <value>", 4,
            "Records which client library, and which version of it, this connection uses.", "7.2.0",
            ClientCommands::setInfo, NOSCRIPT, LOADING, STALE),
        Subcommand.of("no-evict", "NO-EVICT <ON|OFF>", 3,
            "Marks this connection as exempt from client eviction.", "7.0.0",
            (session, node, args) -> onOff(args, session, ClientSession::setNoEvict), ADMIN, NOSCRIPT, LOADING, STALE),
        Subcommand.of("no-touch", "NO-TOUCH <ON|OFF>", 3,
            "Stops this connection's reads from counting as access to the keys read.", "7.2.0",
            (session, node, args) -> onOff(args, session, ClientSession::setNoTouch), NOSCRIPT, LOADING, STALE)));
  }

  private static Reply setName(ClientSession session, NodeServices node, CommandArgs args) {
    byte[] name = args.bytes(2);
    if (!ClientNames.isPrintable(name)) {
      return ClientNames.INVALID_NAME;
    }
    session.setName(ClientNames.storedValue(name));
    return Replies.OK;
  }

  private static Reply setInfo(ClientSession session, NodeServices node, CommandArgs args) {
    String attribute = args.string(2);
    BiConsumer<ClientSession, String> setter;
    if (attribute.equalsIgnoreCase("lib-name")) {
      setter = ClientSession::setLibraryName;
    } else if (attribute.equalsIgnoreCase("lib-ver")) {
      setter = ClientSession::setLibraryVersion;
    } else {
      return Replies.error("ERR Unrecognized option '" + attribute + "'");
    }
    byte[] value = args.bytes(3);
    if (!ClientNames.isPrintable(value)) {
      return Replies.error("ERR " + attribute + " cannot contain spaces, newlines or special characters.");
    }
    setter.accept(session, ClientNames.storedValue(value));
    return Replies.OK;
  }

  private static Reply onOff(CommandArgs args, ClientSession session, BiConsumer<ClientSession, Boolean> setter) {
    if (args.is(2, "ON")) {
      setter.accept(session, true);
    } else if (args.is(2, "OFF")) {
      setter.accept(session, false);
    } else {
      return ErrorReplies.SYNTAX;
    }
    return Replies.OK;
  }
}
