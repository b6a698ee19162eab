package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandHandler;
import io.slotraft.node.reply.Reply;

/**
 * A command served by the node itself rather than by a shard's keyspace: connection commands (PING,
 * HELLO, CLIENT ...), server commands (INFO, COMMAND, TIME) and CLUSTER. Never logged in Raft.
 */
@FunctionalInterface
public interface SessionHandler extends CommandHandler {
  Reply execute(ClientSession session, NodeServices node, CommandArgs args);
}
