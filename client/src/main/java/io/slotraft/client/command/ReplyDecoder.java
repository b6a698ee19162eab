package io.slotraft.client.command;

import io.slotraft.client.reply.Reply;

/** Turns a non-error reply into the value a typed method returns. */
@FunctionalInterface
public interface ReplyDecoder<T> {
    T decode(Reply reply);
}
