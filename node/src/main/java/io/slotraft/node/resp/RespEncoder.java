package io.slotraft.node.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import java.util.List;

/**
 * Writes a {@link Reply} as RESP2 or RESP3 bytes straight into a buffer. RESP2 has no nil, double,
 * map, set or boolean types, so those are sent the way Redis sends them to RESP2 clients: nil as
 * {@code $-1} or {@code *-1}, a double as a bulk string, a map or pairs as a flat array, a set as an
 * array and a boolean as {@code :1}/{@code :0}.
 */
public final class RespEncoder {
  private static final short CRLF = ('\r' << 8) | '\n';

  private RespEncoder() {}

  /** Appends the reply to {@code out}; {@code protocol} is 2 or 3, as chosen with HELLO. */
  public static void encode(Reply reply, int protocol, ByteBuf out) {
    boolean resp3 = protocol >= 3;
    if (reply instanceof Reply.Bulk bulk) {
      writeBulk(out, bulk.value());
    } else if (reply instanceof Reply.Simple simple) {
      writeLine(out, '+', simple.text());
    } else if (reply instanceof Reply.Int integer) {
      writeNumberLine(out, ':', integer.value());
    } else if (reply instanceof Reply.Array array) {
      writeAggregate(out, '*', array.items(), array.items().size(), protocol);
    } else if (reply instanceof Reply.Error error) {
      writeLine(out, '-', error.message());
    } else if (reply instanceof RoutingReply routing) {
      writeLine(out, '-', routing.respText());
    } else if (reply instanceof Reply.Nil nil) {
      writeNil(out, nil, resp3);
    } else if (reply instanceof Reply.Dbl dbl) {
      writeDouble(out, dbl.value(), resp3);
    } else if (reply instanceof Reply.MapReply map) {
      List<Reply> pairs = map.keysAndValues();
      writeAggregate(out, resp3 ? '%' : '*', pairs, resp3 ? pairs.size() / 2 : pairs.size(), protocol);
    } else if (reply instanceof Reply.SetReply set) {
      writeAggregate(out, resp3 ? '~' : '*', set.items(), set.items().size(), protocol);
    } else if (reply instanceof Reply.Bool bool) {
      writeBool(out, bool.value(), resp3);
    } else if (reply instanceof Reply.Pairs pairs) {
      writePairs(out, pairs.flat(), protocol);
    } else {
      throw new IllegalArgumentException("no RESP form for " + reply);
    }
  }

  private static void writeAggregate(ByteBuf out, char type, List<Reply> items, int count, int protocol) {
    writeNumberLine(out, type, count);
    for (Reply item : items) {
      encode(item, protocol, out);
    }
  }

  private static void writePairs(ByteBuf out, List<Reply> flat, int protocol) {
    if (protocol < 3) {
      writeAggregate(out, '*', flat, flat.size(), protocol);
      return;
    }
    writeNumberLine(out, '*', flat.size() / 2);
    for (int i = 0; i < flat.size(); i += 2) {
      writeNumberLine(out, '*', 2);
      encode(flat.get(i), protocol, out);
      encode(flat.get(i + 1), protocol, out);
    }
  }

  private static void writeBulk(ByteBuf out, byte[] value) {
    writeNumberLine(out, '$', value.length);
    out.writeBytes(value);
    out.writeShort(CRLF);
  }

  private static void writeNil(ByteBuf out, Reply.Nil nil, boolean resp3) {
    if (resp3) {
      out.writeByte('_').writeShort(CRLF);
    } else {
      writeNumberLine(out, nil == Reply.Nil.ARRAY ? '*' : '$', -1);
    }
  }

  private static void writeBool(ByteBuf out, boolean value, boolean resp3) {
    if (resp3) {
      out.writeByte('#').writeByte(value ? 't' : 'f').writeShort(CRLF);
    } else {
      writeNumberLine(out, ':', value ? 1 : 0);
    }
  }

  private static void writeDouble(ByteBuf out, double value, boolean resp3) {
    String text = Double.isNaN(value) ? "nan" : RedisNumbers.formatDouble(value);
    if (resp3) {
      writeLine(out, ',', text);
    } else {
      writeNumberLine(out, '$', text.length());
      ByteBufUtil.writeAscii(out, text);
      out.writeShort(CRLF);
    }
  }

  /**
   * A one-line reply. CR or LF inside it would end the line early and desynchronise the client, so
   * they become spaces (error texts can quote arguments, which may hold anything).
   */
  private static void writeLine(ByteBuf out, char type, String text) {
    out.writeByte(type);
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      text = text.replace('\r', ' ').replace('\n', ' ');
    }
    ByteBufUtil.writeUtf8(out, text);
    out.writeShort(CRLF);
  }

  private static void writeNumberLine(ByteBuf out, char type, long value) {
    out.writeByte(type);
    writeDecimal(out, value);
    out.writeShort(CRLF);
  }

  /** ASCII digits written in place, without a String per number. */
  static void writeDecimal(ByteBuf out, long value) {
    if (value >= 0 && value < 10) {
      out.writeByte('0' + (int) value);
      return;
    }
    // Work on the negative value: unlike its opposite, Long.MIN_VALUE has one.
    long rest = value;
    if (value < 0) {
      out.writeByte('-');
    } else {
      rest = -value;
    }
    int digits = 1;
    for (long v = rest / 10; v != 0; v /= 10) {
      digits++;
    }
    out.ensureWritable(digits);
    int end = out.writerIndex() + digits;
    for (int i = end - 1; i >= out.writerIndex(); i--) {
      out.setByte(i, '0' - (int) (rest % 10));
      rest /= 10;
    }
    out.writerIndex(end);
  }
}
