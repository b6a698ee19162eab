/**
 * How a typed method becomes a named command and how its reply becomes a Java value, with no I/O:
 * {@link io.slotraft.client.command.Command} (name, arguments, routing key, decoder), one builder
 * class per command group (strings, keys, server) that is the single place each command's argument
 * layout and reply shape is written down, the decoders, and the conversion from the wire's proto reply
 * to {@link io.slotraft.client.reply.Reply}. Sending, routing and retrying live in {@code dispatch}.
 * Public only so the client's other packages can use it; not part of the supported API.
 */
package io.slotraft.client.command;
