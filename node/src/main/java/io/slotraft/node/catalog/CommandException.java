package io.slotraft.node.catalog;

import io.slotraft.node.reply.Reply;

/**
 * Thrown by a handler (usually while parsing its arguments) to answer with an error reply. The
 * dispatcher and the state machine turn it into that reply; it never reaches a user as a trace.
 */
public final class CommandException extends RuntimeException {
  private final Reply reply;

  public CommandException(Reply reply) {
    super(reply instanceof Reply.Error error ? error.message() : reply.toString(), null, false, false);
    this.reply = reply;
  }

  public Reply reply() {
    return reply;
  }
}
