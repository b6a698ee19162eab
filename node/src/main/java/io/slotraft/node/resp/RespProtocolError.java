package io.slotraft.node.resp;

/**
 * What {@link RespDecoder} emits when the request bytes break the protocol; nothing follows it. The
 * message is Redis's, without the error code: {@code "Protocol error: invalid bulk length"}. The
 * connection handler answers {@code -ERR <message>} after the earlier replies and closes, as Redis
 * does.
 */
public record RespProtocolError(String message) {}
