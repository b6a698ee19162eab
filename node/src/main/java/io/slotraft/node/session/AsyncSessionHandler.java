package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandHandler;
import io.slotraft.node.reply.Reply;
import java.util.concurrent.CompletableFuture;

/** A session command whose answer takes time (e.g. SAVE waits for snapshots); never blocks the caller. */
@FunctionalInterface
public interface AsyncSessionHandler extends CommandHandler {
  CompletableFuture<Reply> execute(ClientSession session, NodeServices node, CommandArgs args);
}
