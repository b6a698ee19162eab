package io.slotraft.node.reply;

import java.util.List;

/**
 * A command's answer, typed the way RESP3 types it. The RESP front end renders it as RESP2 or RESP3
 * bytes, the gRPC front end as a {@code slotraft.v1.Reply}; handlers never see either wire format.
 */
public sealed interface Reply
    permits Reply.Simple, Reply.Error, Reply.Int, Reply.Bulk, Reply.Nil, Reply.Array, Reply.Dbl,
        Reply.MapReply, Reply.Bool, Reply.SetReply, Reply.Pairs, RoutingReply {

  /** A status line such as {@code +OK}. */
  record Simple(String text) implements Reply {}

  /** An error with its full Redis text, code first: {@code "WRONGTYPE Operation against ..."}. */
  record Error(String message) implements Reply {
    /** The upper-case word before the first space, e.g. {@code ERR}, {@code WRONGTYPE}. */
    public String code() {
      int space = message.indexOf(' ');
      return space < 0 ? message : message.substring(0, space);
    }
  }

  record Int(long value) implements Reply {}

  record Bulk(byte[] value) implements Reply {}

  /**
   * Absence. RESP2 tells a nil bulk ({@code $-1}) from a nil array ({@code *-1}); Redis uses the
   * array form for e.g. EXEC aborted by WATCH, so the handler says which one it means.
   */
  enum Nil implements Reply {
    BULK,
    ARRAY
  }

  record Array(List<Reply> items) implements Reply {}

  /** A double; RESP2 has none and sends it as a bulk string, like Redis. */
  record Dbl(double value) implements Reply {}

  /** Key/value pairs in order; RESP2 flattens them into one array. */
  record MapReply(List<Reply> keysAndValues) implements Reply {}

  /** RESP3 boolean; RESP2 sends it as integer 1/0. */
  record Bool(boolean value) implements Reply {}

  /** RESP3 set; RESP2 sends it as an array. */
  record SetReply(List<Reply> items) implements Reply {}

  /**
   * An array of pairs, such as members and their scores, items alternating. RESP3 sends each pair
   * as a two-element array, as Redis 7 answers WITHSCORES; RESP2 sends one flat array.
   */
  record Pairs(List<Reply> flat) implements Reply {
    public Pairs {
      if (flat.size() % 2 != 0) {
        throw new IllegalArgumentException("pairs need an even number of items, got " + flat.size());
      }
    }
  }
}
