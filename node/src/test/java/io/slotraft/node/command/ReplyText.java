package io.slotraft.node.command;

import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Replies as short, redis-cli-like text, so that scenarios can spell out what they expect. RESP3's
 * sets and maps are marked: {@code ~["a", "b"]} and {@code %{"f": "v"}}.
 */
final class ReplyText {
  private ReplyText() {}

  static String of(Reply reply) {
    return of(reply, false);
  }

  /** With {@code sorted}, the items of every array are sorted: for answers in no set order. */
  static String of(Reply reply, boolean sorted) {
    // Java 17: no pattern matching in switch yet.
    if (reply instanceof Reply.Simple simple) {
      return simple.text();
    } else if (reply instanceof Reply.Error error) {
      return "(error) " + error.message();
    } else if (reply instanceof RoutingReply routing) {
      return "(error) " + routing.respText();
    } else if (reply instanceof Reply.Int integer) {
      return "(integer) " + integer.value();
    } else if (reply instanceof Reply.Bulk bulk) {
      return quote(bulk.value());
    } else if (reply instanceof Reply.Nil nil) {
      return nil == Reply.Nil.BULK ? "(nil)" : "(nil array)";
    } else if (reply instanceof Reply.Array array) {
      return items(array.items(), sorted);
    } else if (reply instanceof Reply.Dbl dbl) {
      return "(double) " + RedisNumbers.formatDouble(dbl.value());
    } else if (reply instanceof Reply.Pairs pairs) {
      return pairArrays(pairs.flat(), sorted);
    } else if (reply instanceof Reply.SetReply set) {
      return "~" + items(set.items(), sorted);
    } else if (reply instanceof Reply.MapReply map) {
      return "%" + pairs(map.keysAndValues(), sorted);
    }
    return reply.toString();
  }

  /** A map as {key: value, ...}; with {@code sorted}, the pairs are sorted. */
  private static String pairs(List<Reply> keysAndValues, boolean sorted) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
      texts.add(of(keysAndValues.get(i), sorted) + ": " + of(keysAndValues.get(i + 1), sorted));
    }
    if (sorted) {
      texts.sort(null);
    }
    return texts.stream().collect(Collectors.joining(", ", "{", "}"));
  }

  private static String items(List<Reply> items, boolean sorted) {
    List<String> texts = new ArrayList<>();
    for (Reply item : items) {
      texts.add(of(item, sorted));
    }
    if (sorted) {
      texts.sort(null);
    }
    return texts.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Pairs as RESP3 nests them, [["a", (double) 1], ...]: the RESP2 form follows from it. Sorting
   * orders the pairs, never the two halves of a pair.
   */
  private static String pairArrays(List<Reply> flat, boolean sorted) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < flat.size(); i += 2) {
      texts.add("[" + of(flat.get(i), sorted) + ", " + of(flat.get(i + 1), sorted) + "]");
    }
    if (sorted) {
      texts.sort(null);
    }
    return texts.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  /** Printable ASCII as is, quotes and backslashes escaped, other bytes as \xHH. */
  static String quote(byte[] bytes) {
    StringBuilder text = new StringBuilder("\"");
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c == '"' || c == '\\') {
        text.append('\\').append((char) c);
      } else if (c >= 0x20 && c < 0x7F) {
        text.append((char) c);
      } else {
        text.append(String.format("\\x%02x", c));
      }
    }
    return text.append('"').toString();
  }
}
