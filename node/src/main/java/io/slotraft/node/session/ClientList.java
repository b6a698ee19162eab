package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CLIENT LIST [TYPE type] [ID id ...]: one line per connection to this node, in Redis's format.
 * Every Slotraft connection is of type normal: replication runs over Raft, not over client
 * connections, and subscribers are not told apart here yet.
 */
final class ClientList {
  private static final Set<String> CLIENT_TYPES = Set.of("normal", "master", "replica", "slave", "pubsub");
  private static final Reply INVALID_ID = Replies.error("ERR Invalid client ID");

  private ClientList() {}

  static Reply execute(ClientSession session, NodeServices node, CommandArgs args) {
    List<ClientSession> clients = new ArrayList<>(node.clients());
    clients.sort(Comparator.comparingLong(ClientSession::id));
    if (args.argc() == 4 && args.is(2, "TYPE")) {
      String type = args.string(3).toLowerCase(Locale.ROOT);
      if (!CLIENT_TYPES.contains(type)) {
        return Replies.error("ERR Unknown client type '" + args.string(3) + "'");
      }
      return render(type.equals("normal") ? clients : List.of(), node.nowMs());
    }
    if (args.argc() > 3 && args.is(2, "ID")) {
      List<ClientSession> chosen = new ArrayList<>();
      for (int i = 3; i < args.argc(); i++) {
        Long id = RedisNumbers.parseLong(args.bytes(i));
        if (id == null || id < 1) {
          return INVALID_ID;
        }
        // In the order asked for, as Redis looks each id up in turn.
        clients.stream().filter(c -> c.id() == id).forEach(chosen::add);
      }
      return render(chosen, node.nowMs());
    }
    return args.argc() == 2 ? render(clients, node.nowMs()) : ErrorReplies.SYNTAX;
  }

  private static Reply render(List<ClientSession> clients, long nowMs) {
    StringBuilder text = new StringBuilder();
    for (ClientSession client : clients) {
      text.append(ClientInfoLine.of(client, nowMs)).append('\n');
    }
    return Replies.bulk(text.toString());
  }
}
