package io.slotraft.node.session;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;

/**
 * The rule for connection names and library attributes: printable ASCII without spaces, so that
 * every CLIENT LIST line stays one line of space-separated {@code key=value} fields.
 */
final class ClientNames {
  static final Reply INVALID_NAME =
      Replies.error("ERR Client names cannot contain spaces, newlines or special characters.");

  private ClientNames() {}

  static boolean isPrintable(byte[] value) {
    for (byte b : value) {
      if (b < '!' || b > '~') {
        return false;
      }
    }
    return true;
  }

  /** The value to store: an empty argument clears the name, as in Redis. */
  static String storedValue(byte[] value) {
    return value.length == 0 ? null : new String(value, StandardCharsets.US_ASCII);
  }
}
