/**
 * Command replies as typed values ({@link io.slotraft.node.reply.Reply}), Redis's error texts, and
 * routing errors that carry where to go. No wire format lives here: RESP and gRPC render replies.
 */
package io.slotraft.node.reply;
