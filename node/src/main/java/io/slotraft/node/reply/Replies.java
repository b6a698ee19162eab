package io.slotraft.node.reply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Shorthands for building replies; the common ones are shared constants. */
public final class Replies {
  public static final Reply OK = new Reply.Simple("OK");
  public static final Reply QUEUED = new Reply.Simple("QUEUED");
  public static final Reply PONG = new Reply.Simple("PONG");
  public static final Reply ZERO = new Reply.Int(0);
  public static final Reply ONE = new Reply.Int(1);
  public static final Reply NIL = Reply.Nil.BULK;
  public static final Reply NIL_ARRAY = Reply.Nil.ARRAY;
  public static final Reply EMPTY_ARRAY = new Reply.Array(List.of());

  private Replies() {}

  public static Reply integer(long value) {
    return value == 0 ? ZERO : value == 1 ? ONE : new Reply.Int(value);
  }

  public static Reply bool(boolean value) {
    return value ? ONE : ZERO;
  }

  public static Reply bulk(byte[] value) {
    return value == null ? NIL : new Reply.Bulk(value);
  }

  public static Reply bulk(String value) {
    return value == null ? NIL : new Reply.Bulk(value.getBytes(StandardCharsets.UTF_8));
  }

  public static Reply simple(String text) {
    return new Reply.Simple(text);
  }

  public static Reply error(String message) {
    return new Reply.Error(message);
  }

  public static Reply array(List<? extends Reply> items) {
    return new Reply.Array(List.copyOf(items));
  }

  public static Reply array(Reply... items) {
    return new Reply.Array(List.of(items));
  }

  /** An array of bulk strings; a null element becomes a nil bulk (as in MGET). */
  public static Reply bulkArray(List<byte[]> values) {
    List<Reply> items = new ArrayList<>(values.size());
    for (byte[] value : values) {
      items.add(bulk(value));
    }
    return new Reply.Array(items);
  }

  public static Reply dbl(double value) {
    return new Reply.Dbl(value);
  }
}
