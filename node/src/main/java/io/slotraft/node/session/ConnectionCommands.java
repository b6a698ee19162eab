package io.slotraft.node.session;

import static io.slotraft.node.catalog.CommandFlag.ALLOW_BUSY;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.NOSCRIPT;
import static io.slotraft.node.catalog.CommandFlag.NO_AUTH;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * The connection group: PING, ECHO, HELLO, AUTH, SELECT, QUIT, RESET and CLIENT, plus the
 * per-connection switches Redis Cluster clients send (READONLY, READWRITE, ASKING), which Redis
 * files under the cluster group. Arity, flags and since are Redis 7.2's.
 */
public final class ConnectionCommands {
  private static final Reply OUT_OF_RANGE = Replies.error("ERR value is out of range");
  private static final Reply SELECT_IN_CLUSTER = Replies.error("ERR SELECT is not allowed in cluster mode");

  private ConnectionCommands() {}

  public static void register(CommandCatalog.Builder b) {
    b.command("ping", -1).flags(FAST).group("connection").since("1.0.0")
        .summary("Checks that the server answers: PONG, or the given message.")
        .handler((SessionHandler) ConnectionCommands::ping);
    b.command("echo", 2).flags(FAST).group("connection").since("1.0.0")
        .summary("Replies with the given string.")
        .handler((SessionHandler) (session, node, args) -> Replies.bulk(args.bytes(1)));
    b.command("hello", -1).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).group("connection")
        .since("6.0.0").summary("Picks the RESP version, optionally authenticates and names the connection.")
        .handler(new HelloCommand());
    b.command("auth", -2).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).group("connection")
        .since("1.0.0").summary("Authenticates the connection.")
        .handler((SessionHandler) ConnectionCommands::auth);
    b.command("select", 2).flags(LOADING, STALE, FAST).group("connection").since("1.0.0")
        .summary("Chooses the database; a cluster has only database 0.")
        .handler((SessionHandler) ConnectionCommands::select);
    b.command("quit", -1).flags(ALLOW_BUSY, NOSCRIPT, LOADING, STALE, FAST, NO_AUTH).group("connection")
        .since("1.0.0").summary("Closes the connection once the reply is sent.")
        .handler((SessionHandler) ConnectionCommands::quit);
    b.command("reset", 1).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).group("connection")
        .since("6.2.0").summary("Returns the connection to the state of a new one.")
        .handler((SessionHandler) ConnectionCommands::reset);
    b.command("client", -2).group("connection").since("2.4.0")
        .summary("Inspects and configures client connections.")
        .handler(ClientCommands.container());
    registerClusterSwitches(b);
  }

  /** Redis keeps these three in the cluster group; they only change this connection's state. */
  private static void registerClusterSwitches(CommandCatalog.Builder b) {
    b.command("readonly", 1).flags(FAST, LOADING, STALE).group("cluster").since("3.0.0")
        .summary("Lets this connection read from replicas, accepting stale data.")
        .handler((SessionHandler) (session, node, args) -> replicaReads(session, true));
    b.command("readwrite", 1).flags(FAST, LOADING, STALE).group("cluster").since("3.0.0")
        .summary("Sends this connection's reads to shard leaders again.")
        .handler((SessionHandler) (session, node, args) -> replicaReads(session, false));
    // Slotraft moves slots by Raft membership changes, never by ASK redirects, so ASKING has
    // nothing to enable; clients that send it anyway get the OK they expect.
    b.command("asking", 1).flags(FAST).group("cluster").since("3.0.0")
        .summary("Accepted for Redis Cluster clients; Slotraft never answers ASK.")
        .handler((SessionHandler) (session, node, args) -> Replies.OK);
  }

  private static Reply ping(ClientSession session, NodeServices node, CommandArgs args) {
    if (args.argc() > 2) {
      return ErrorReplies.wrongArity("ping");
    }
    return args.argc() == 1 ? Replies.PONG : Replies.bulk(args.bytes(1));
  }

  private static Reply auth(ClientSession session, NodeServices node, CommandArgs args) {
    if (args.argc() > 3) {
      return ErrorReplies.SYNTAX;
    }
    if (args.argc() == 2) {
      return DefaultUser.NO_PASSWORD_CONFIGURED;
    }
    return DefaultUser.accepts(args.string(1)) ? Replies.OK : DefaultUser.WRONG_PASSWORD;
  }

  private static Reply select(ClientSession session, NodeServices node, CommandArgs args) {
    Long index = RedisNumbers.parseLong(args.bytes(1));
    if (index == null) {
      return ErrorReplies.NOT_INTEGER;
    }
    if (index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
      return OUT_OF_RANGE;
    }
    if (index != 0) {
      return SELECT_IN_CLUSTER;
    }
    session.setDatabase(0);
    return Replies.OK;
  }

  private static Reply quit(ClientSession session, NodeServices node, CommandArgs args) {
    session.requestClose();
    return Replies.OK;
  }

  private static Reply reset(ClientSession session, NodeServices node, CommandArgs args) {
    session.reset();
    return Replies.simple("RESET");
  }

  private static Reply replicaReads(ClientSession session, boolean allowed) {
    session.setReadOnlyReplicaReads(allowed);
    return Replies.OK;
  }
}
