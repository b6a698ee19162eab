package io.slotraft.node.reply;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Redis's error texts, word for word, so that clients and tests that match on them keep working. */
public final class ErrorReplies {
  public static final Reply WRONG_TYPE =
      Replies.error("WRONGTYPE Operation against a key holding the wrong kind of value");
  public static final Reply NOT_INTEGER = Replies.error("ERR value is not an integer or out of range");
  public static final Reply NOT_FLOAT = Replies.error("ERR value is not a valid float");
  public static final Reply SYNTAX = Replies.error("ERR syntax error");
  public static final Reply OVERFLOW = Replies.error("ERR increment or decrement would overflow");
  public static final Reply NO_SUCH_KEY = Replies.error("ERR no such key");
  public static final Reply NAN_OR_INFINITY = Replies.error("ERR increment would produce NaN or Infinity");
  public static final Reply STRING_TOO_LONG =
      Replies.error("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
  public static final Reply OFFSET_OUT_OF_RANGE = Replies.error("ERR offset is out of range");

  private ErrorReplies() {}

  public static Reply wrongArity(String command) {
    return Replies.error("ERR wrong number of arguments for '" + command.toLowerCase() + "' command");
  }

  public static Reply invalidExpireTime(String command) {
    return Replies.error("ERR invalid expire time in '" + command.toLowerCase() + "' command");
  }

  public static Reply unknownCommand(String name, List<byte[]> args) {
    StringBuilder text = new StringBuilder("ERR unknown command '").append(name).append("', with args beginning with: ");
    for (int i = 0; i < Math.min(args.size(), 20); i++) {
      text.append('\'').append(new String(args.get(i), StandardCharsets.UTF_8)).append("' ");
    }
    return Replies.error(text.toString());
  }
}
