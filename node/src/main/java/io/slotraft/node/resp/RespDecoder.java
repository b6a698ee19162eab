package io.slotraft.node.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a client's request bytes into commands: each emitted message is a {@code List<byte[]>}
 * (argv, name first), or one final {@link RespProtocolError} after which all input is discarded.
 * Accepts multibulk requests ({@code *N\r\n$len\r\n...}) and inline ones (a line of words).
 *
 * <p>Incremental: the state below says where the previous call stopped, so a request that arrives
 * a byte at a time is parsed once, not re-parsed from its start on every read. Limits and error
 * texts are Redis 7's, so a misbehaving client is told the same thing it would be told by Redis.
 */
public final class RespDecoder extends ByteToMessageDecoder {
  static final int MAX_MULTIBULK_LENGTH = 1024 * 1024;
  static final long MAX_BULK_LENGTH = 512L * 1024 * 1024;
  /** Longest inline request, or header line, that may wait for its line end. */
  static final int MAX_INLINE_SIZE = 64 * 1024;
  /** Bulks at least this long are copied out as they arrive (see {@link BigBulk}). */
  static final int BIG_BULK_LENGTH = 32 * 1024;

  private static final long NOT_A_NUMBER = Long.MIN_VALUE;

  private enum State { COMMAND_START, BULK_HEADER, BULK_BODY, FAILED }

  private State state = State.COMMAND_START;
  /** Bytes of the current, unterminated line already searched for its end. */
  private int scanned;
  private int argumentsLeft;
  private List<byte[]> arguments;
  private int bulkLength;
  private BigBulk bigBulk;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (state == State.FAILED) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      // One command per call: ByteToMessageDecoder hands it on and calls again.
      while (in.isReadable() && out.isEmpty() && step(in, out)) {
        // each step consumed bytes or changed state
      }
    } catch (Violation violation) {
      state = State.FAILED;
      arguments = null;
      bigBulk = null;
      in.skipBytes(in.readableBytes());
      out.add(new RespProtocolError("Protocol error: " + violation.getMessage()));
    }
  }

  /** Parses what it can of the current part; false when more bytes are needed. */
  private boolean step(ByteBuf in, List<Object> out) throws Violation {
    return switch (state) {
      case COMMAND_START ->
          in.getByte(in.readerIndex()) == '*' ? readMultibulkHeader(in) : readInline(in, out);
      case BULK_HEADER -> readBulkHeader(in);
      case BULK_BODY -> bulkLength >= BIG_BULK_LENGTH ? readBigBulk(in, out) : readSmallBulk(in, out);
      case FAILED -> false;
    };
  }

  private boolean readMultibulkHeader(ByteBuf in) throws Violation {
    int lineEnd = findHeaderEnd(in, "too big mbulk count string");
    if (lineEnd < 0) {
      return false;
    }
    long count = parseDecimal(in, in.readerIndex() + 1, lineEnd);
    if (count == NOT_A_NUMBER || count > MAX_MULTIBULK_LENGTH) {
      throw new Violation("invalid multibulk length");
    }
    in.readerIndex(lineEnd + 2);
    if (count > 0) { // *0 and *-1 ask for nothing
      argumentsLeft = (int) count;
      // The count is the client's claim: start small, the list grows as arguments really arrive.
      arguments = new ArrayList<>(Math.min(argumentsLeft, 16));
      state = State.BULK_HEADER;
    }
    return true;
  }

  private boolean readBulkHeader(ByteBuf in) throws Violation {
    int lineEnd = findHeaderEnd(in, "too big bulk count string");
    if (lineEnd < 0) {
      return false;
    }
    int start = in.readerIndex();
    byte first = in.getByte(start);
    if (first != '$') {
      throw new Violation("expected '$', got '" + (char) (first & 0xFF) + "'");
    }
    long length = parseDecimal(in, start + 1, lineEnd);
    if (length == NOT_A_NUMBER || length < 0 || length > MAX_BULK_LENGTH) {
      throw new Violation("invalid bulk length");
    }
    in.readerIndex(lineEnd + 2);
    bulkLength = (int) length;
    if (bulkLength >= BIG_BULK_LENGTH) {
      bigBulk = new BigBulk(bulkLength);
    }
    state = State.BULK_BODY;
    return true;
  }

  private boolean readSmallBulk(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < bulkLength + 2) {
      return false;
    }
    byte[] value = new byte[bulkLength];
    in.readBytes(value);
    in.skipBytes(2); // the CRLF after the payload; like Redis, its bytes are not checked
    addArgument(value, out);
    return true;
  }

  private boolean readBigBulk(ByteBuf in, List<Object> out) {
    if (!bigBulk.complete()) {
      bigBulk.fill(in);
      return true;
    }
    if (in.readableBytes() < 2) {
      return false;
    }
    in.skipBytes(2);
    byte[] value = bigBulk.bytes();
    bigBulk = null;
    addArgument(value, out);
    return true;
  }

  private void addArgument(byte[] value, List<Object> out) {
    arguments.add(value);
    if (--argumentsLeft > 0) {
      state = State.BULK_HEADER;
      return;
    }
    out.add(arguments);
    arguments = null;
    state = State.COMMAND_START;
  }

  private boolean readInline(ByteBuf in, List<Object> out) throws Violation {
    int start = in.readerIndex();
    int newline = in.indexOf(start + scanned, in.writerIndex(), (byte) '\n');
    if (newline < 0) {
      scanned = in.readableBytes();
      if (scanned > MAX_INLINE_SIZE) {
        throw new Violation("too big inline request");
      }
      return false;
    }
    scanned = 0;
    int end = newline > start && in.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    byte[] line = new byte[end - start];
    in.getBytes(start, line);
    in.readerIndex(newline + 1);
    List<byte[]> argv = InlineSplitter.split(line);
    if (argv == null) {
      throw new Violation("unbalanced quotes in request");
    }
    if (!argv.isEmpty()) { // an empty line is a no-op, not an error
      out.add(argv);
    }
    return true;
  }

  /**
   * The index of the CR that ends the header line at the reader index, once its LF has arrived
   * too; -1 while waiting. Searching resumes where the last search stopped.
   */
  private int findHeaderEnd(ByteBuf in, String tooLongMessage) throws Violation {
    int start = in.readerIndex();
    int cr = in.indexOf(start + scanned, in.writerIndex(), (byte) '\r');
    if (cr < 0) {
      scanned = in.readableBytes();
      if (scanned > MAX_INLINE_SIZE) {
        throw new Violation(tooLongMessage);
      }
      return -1;
    }
    if (cr + 1 >= in.writerIndex()) {
      scanned = cr - start; // look at this CR again once the byte after it arrives
      return -1;
    }
    scanned = 0;
    return cr;
  }

  /**
   * A decimal in the bytes [from, to) as Redis reads lengths: optional '-', no '+', no spaces, no
   * leading zeros. Anything longer than 18 digits is far beyond every limit, so it is refused
   * rather than checked for overflow.
   */
  private static long parseDecimal(ByteBuf in, int from, int to) {
    boolean negative = from < to && in.getByte(from) == '-';
    int digitsFrom = negative ? from + 1 : from;
    int digits = to - digitsFrom;
    if (digits < 1 || digits > 18) {
      return NOT_A_NUMBER;
    }
    if (digits > 1 && in.getByte(digitsFrom) == '0') {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (int i = digitsFrom; i < to; i++) {
      int digit = in.getByte(i) - '0';
      if (digit < 0 || digit > 9) {
        return NOT_A_NUMBER;
      }
      value = value * 10 + digit;
    }
    if (negative && value == 0) {
      return NOT_A_NUMBER; // "-0", as Redis refuses it
    }
    return negative ? -value : value;
  }

  /** A broken request; only its message is needed, so no stack trace is taken. */
  private static final class Violation extends Exception {
    Violation(String message) {
      super(message, null, false, false);
    }
  }
}
