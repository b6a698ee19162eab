package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.List;

/**
 * HELLO [protover [AUTH user pass] [SETNAME name]]: switches the connection's RESP version and
 * describes the server. Every argument is checked before anything changes, so a failed HELLO
 * leaves the connection as it was.
 */
final class HelloCommand implements SessionHandler {
  private static final Reply PROTOCOL_NOT_A_NUMBER =
      Replies.error("ERR Protocol version is not an integer or out of range");
  private static final Reply NO_PROTOCOL = Replies.error("NOPROTO unsupported protocol version");

  @Override
  public Reply execute(ClientSession session, NodeServices node, CommandArgs args) {
    int protocol = args.argc() >= 2 ? protocol(args.bytes(1)) : session.protocol();
    Options options = Options.parse(args);
    if (options.user() != null && !DefaultUser.accepts(options.user())) {
      return DefaultUser.WRONG_PASSWORD;
    }
    if (options.name() != null) {
      session.setName(ClientNames.storedValue(options.name()));
    }
    session.setProtocol(protocol);
    return describeServer(session);
  }

  private static int protocol(byte[] argument) {
    Long requested = RedisNumbers.parseLong(argument);
    if (requested == null) {
      throw new CommandException(PROTOCOL_NOT_A_NUMBER);
    }
    if (requested != 2 && requested != 3) {
      throw new CommandException(NO_PROTOCOL);
    }
    return requested.intValue();
  }

  /** The options after protover; the password is not kept, since none is configured to check. */
  private record Options(String user, byte[] name) {
    static Options parse(CommandArgs args) {
      String user = null;
      byte[] name = null;
      for (int i = 2; i < args.argc(); i++) {
        int remaining = args.argc() - 1 - i;
        if (args.is(i, "AUTH") && remaining >= 2) {
          user = args.string(i + 1);
          i += 2;
        } else if (args.is(i, "SETNAME") && remaining >= 1) {
          name = args.bytes(++i);
          if (!ClientNames.isPrintable(name)) {
            throw new CommandException(ClientNames.INVALID_NAME);
          }
        } else {
          throw new CommandException(Replies.error("ERR Syntax error in HELLO option '" + args.string(i) + "'"));
        }
      }
      return new Options(user, name);
    }
  }

  /**
   * Redis's fields in Redis's order; Slotraft's own version comes last so that clients reading
   * the reply by position still find what they expect. Role is master: this node serves the
   * reads and writes of every shard it leads and redirects the rest.
   */
  private static Reply describeServer(ClientSession session) {
    return new Reply.MapReply(List.of(
        Replies.bulk("server"), Replies.bulk("redis"),
        Replies.bulk("version"), Replies.bulk(ServerIdentity.REDIS_VERSION),
        Replies.bulk("proto"), Replies.integer(session.protocol()),
        Replies.bulk("id"), Replies.integer(session.id()),
        Replies.bulk("mode"), Replies.bulk("cluster"),
        Replies.bulk("role"), Replies.bulk("master"),
        Replies.bulk("modules"), Replies.EMPTY_ARRAY,
        Replies.bulk("slotraft_version"), Replies.bulk(ServerIdentity.slotraftVersion())));
  }
}
