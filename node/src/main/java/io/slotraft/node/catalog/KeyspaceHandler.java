package io.slotraft.node.catalog;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.Reply;

/**
 * A command that reads or changes one shard's keyspace. It must be deterministic given the context:
 * no clock, no randomness but {@link ExecutionContext#random()}, no I/O. Errors are thrown as
 * {@link CommandException} or returned as error replies.
 */
@FunctionalInterface
public interface KeyspaceHandler extends CommandHandler {
  Reply execute(ExecutionContext context, CommandArgs args);
}
