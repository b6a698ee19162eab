package io.slotraft.node.session;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A reply as one readable line, so that tests compare whole replies, types included:
 * {@code +OK}, {@code -ERR ...}, {@code :5}, {@code "bulk"}, {@code (nil)}, {@code [a, b]} (array),
 * {@code ~[a, b]} (set), {@code {k: v}} (map).
 */
public final class ReplyText {
  private ReplyText() {}

  public static String of(Reply reply) {
    if (reply instanceof RoutingReply routing) {
      return "-" + routing.respText();
    }
    if (reply instanceof Reply.Simple simple) {
      return "+" + simple.text();
    }
    if (reply instanceof Reply.Error error) {
      return "-" + error.message();
    }
    if (reply instanceof Reply.Int integer) {
      return ":" + integer.value();
    }
    if (reply instanceof Reply.Bulk bulk) {
      return quote(new String(bulk.value(), StandardCharsets.UTF_8));
    }
    if (reply instanceof Reply.Nil nil) {
      return nil == Reply.Nil.BULK ? "(nil)" : "(nil-array)";
    }
    if (reply instanceof Reply.Array array) {
      return "[" + join(array.items()) + "]";
    }
    if (reply instanceof Reply.SetReply set) {
      return "~[" + join(set.items()) + "]";
    }
    if (reply instanceof Reply.MapReply map) {
      return "{" + pairs(map.keysAndValues()) + "}";
    }
    if (reply instanceof Reply.Dbl dbl) {
      return "," + dbl.value();
    }
    return ((Reply.Bool) reply).value() ? "#t" : "#f";
  }

  private static String join(List<Reply> items) {
    return items.stream().map(ReplyText::of).collect(Collectors.joining(", "));
  }

  private static String pairs(List<Reply> keysAndValues) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keysAndValues.size(); i += 2) {
      text.append(i == 0 ? "" : ", ").append(of(keysAndValues.get(i)));
      text.append(": ").append(of(keysAndValues.get(i + 1)));
    }
    return text.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
  }
}
