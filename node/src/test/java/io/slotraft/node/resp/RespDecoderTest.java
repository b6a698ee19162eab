package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RespDecoderTest {
  private EmbeddedChannel channel;

  @BeforeEach
  void newChannel() {
    channel = new EmbeddedChannel(new RespDecoder());
  }

  @Test
  void aMultibulkRequestBecomesItsArguments() {
    feed("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n");
    assertEquals(List.of("SET", "k", "hello"), nextCommand());
    assertNothingMore();
  }

  @Test
  void severalPipelinedRequestsInOneReadAllComeOut() {
    feed("*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\nPING\r\n");
    assertEquals(List.of("PING"), nextCommand());
    assertEquals(List.of("GET", "k"), nextCommand());
    assertEquals(List.of("PING"), nextCommand());
    assertNothingMore();
  }

  @Test
  void anEmptyBulkIsAnEmptyArgument() {
    feed("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n");
    assertEquals(List.of("ECHO", ""), nextCommand());
  }

  @Test
  void inlineRequestsSplitOnSpacesAndAcceptBareNewlines() {
    feed("PING\r\nSET   k  v\nGET k\r\n");
    assertEquals(List.of("PING"), nextCommand());
    assertEquals(List.of("SET", "k", "v"), nextCommand());
    assertEquals(List.of("GET", "k"), nextCommand());
    assertNothingMore();
  }

  @Test
  void inlineQuotesKeepSpacesAndUnderstandEscapes() {
    feed("SET \"a b\" 'c \\' d' \"\\x41\\n\\\"\" x\"y z\"\r\n");
    assertEquals(List.of("SET", "a b", "c ' d", "A\n\"", "xy z"), nextCommand());
  }

  @Test
  void emptyInlineLinesAreIgnored() {
    feed("\r\n\n   \r\nPING\r\n");
    assertEquals(List.of("PING"), nextCommand());
    assertNothingMore();
  }

  @Test
  void emptyAndNullMultibulksAreIgnored() {
    feed("*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n");
    assertEquals(List.of("PING"), nextCommand());
    assertNothingMore();
  }

  @Test
  void requestsFedOneByteAtATimeComeOutWholeAtTheirLastByte() {
    List<String> requests = List.of("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$10\r\n0123456789\r\n",
        "GET \"key\"\r\n", "*2\r\n$4\r\nECHO\r\n$2\r\n\r\n\r\n");
    List<List<String>> expected = List.of(List.of("SET", "key", "0123456789"), List.of("GET", "key"),
        List.of("ECHO", "\r\n"));
    for (int r = 0; r < requests.size(); r++) {
      byte[] bytes = requests.get(r).getBytes(ISO_8859_1);
      for (int i = 0; i < bytes.length - 1; i++) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
        assertNothingMore();
      }
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1));
      assertEquals(expected.get(r), nextCommand());
    }
  }

  @Test
  void aRequestSplitAtEveryPossibleBoundaryDecodesTheSame() {
    byte[] bytes = "*2\r\n$4\r\nECHO\r\n$5\r\nhe\r\no\r\nPING x\r\n".getBytes(ISO_8859_1);
    for (int cut = 1; cut < bytes.length; cut++) {
      channel = new EmbeddedChannel(new RespDecoder());
      List<List<String>> commands = new ArrayList<>();
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut));
      drainInto(commands);
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut));
      drainInto(commands);
      assertEquals(List.of(List.of("ECHO", "he\r\no"), List.of("PING", "x")), commands, "cut at " + cut);
    }
  }

  @Test
  void aBigBulkArrivingInChunksIsCollectedWhole() {
    byte[] payload = new byte[3 * 1024 * 1024 + 7];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31);
    }
    byte[] request = concat(("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + payload.length + "\r\n").getBytes(ISO_8859_1),
        payload, "\r\n*1\r\n$4\r\nPING\r\n".getBytes(ISO_8859_1));
    for (int at = 0; at < request.length; at += 1500) { // a typical TCP segment
      channel.writeInbound(Unpooled.wrappedBuffer(request, at, Math.min(1500, request.length - at)));
    }
    List<byte[]> set = channel.readInbound();
    assertArrayEquals(payload, set.get(2));
    assertEquals(List.of("PING"), nextCommand());
  }

  @Test
  void aBigBulkFedOneByteAtATimeIsCollectedWhole() {
    byte[] payload = new byte[RespDecoder.BIG_BULK_LENGTH + 100];
    Arrays.fill(payload, (byte) 'z');
    byte[] request = concat(("*2\r\n$4\r\nECHO\r\n$" + payload.length + "\r\n").getBytes(ISO_8859_1),
        payload, "\r\n".getBytes(ISO_8859_1));
    for (byte b : request) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    List<byte[]> echo = channel.readInbound();
    assertArrayEquals(payload, echo.get(1));
  }

  @Test
  void bulksAreBinarySafe() {
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    byte[] request = concat("*2\r\n$4\r\nECHO\r\n$256\r\n".getBytes(ISO_8859_1), every, "\r\n".getBytes(ISO_8859_1));
    channel.writeInbound(Unpooled.wrappedBuffer(request));
    List<byte[]> echo = channel.readInbound();
    assertArrayEquals(every, echo.get(1));
  }

  @Test
  void aMultibulkCountAboveOneMebiIsRefused() {
    feed("*1048577\r\n");
    assertProtocolError("invalid multibulk length");
  }

  @Test
  void aMultibulkCountOfOneMebiIsAcceptedAndWaitsForItsArguments() {
    feed("*1048576\r\n$4\r\nPING\r\n");
    assertNothingMore();
  }

  @Test
  void anUnparsableMultibulkCountIsRefused() {
    for (String count : List.of("abc", "", "+1", "01", "1 ", "99999999999999999999")) {
      newChannel();
      feed("*" + count + "\r\n");
      assertProtocolError("invalid multibulk length");
    }
  }

  @Test
  void negativeOrUnparsableBulkLengthsAreRefused() {
    for (String length : List.of("-1", "-0", "x", "", "1x", "007")) {
      newChannel();
      feed("*1\r\n$" + length + "\r\n");
      assertProtocolError("invalid bulk length");
    }
  }

  @Test
  void aBulkLongerThanHalfAGibibyteIsRefused() {
    feed("*1\r\n$536870913\r\n");
    assertProtocolError("invalid bulk length");
  }

  @Test
  void aOneGigabyteBulkHeaderIsRefusedAtOnceWithoutWaitingForData() {
    feed("*2\r\n$3\r\nSET\r\n$1073741824\r\n");
    assertProtocolError("invalid bulk length");
  }

  @Test
  void aBulkOfExactlyHalfAGibibyteIsAcceptedAndWaitsForItsBytes() {
    feed("*1\r\n$536870912\r\nabc");
    assertNothingMore();
  }

  @Test
  void somethingOtherThanABulkWhereABulkBelongsIsRefused() {
    feed("*2\r\n$3\r\nGET\r\n:1\r\n");
    assertProtocolError("expected '$', got ':'");
  }

  @Test
  void aLongInlineRequestWithoutNewlineIsRefused() {
    feed("SET k " + "a".repeat(RespDecoder.MAX_INLINE_SIZE - 6));
    assertNothingMore(); // exactly 64 KiB may still be waiting for its newline
    feed("a");
    assertProtocolError("too big inline request");
  }

  @Test
  void aLongMultibulkCountLineWithoutCrlfIsRefused() {
    feed("*" + "1".repeat(RespDecoder.MAX_INLINE_SIZE));
    assertProtocolError("too big mbulk count string");
  }

  @Test
  void aLongBulkCountLineWithoutCrlfIsRefused() {
    feed("*1\r\n$" + "1".repeat(RespDecoder.MAX_INLINE_SIZE));
    assertProtocolError("too big bulk count string");
  }

  @Test
  void unbalancedInlineQuotesAreRefused() {
    for (String line : List.of("SET \"abc", "SET 'abc", "SET \"a\"b", "SET 'a'b")) {
      newChannel();
      feed(line + "\r\n");
      assertProtocolError("unbalanced quotes in request");
    }
  }

  @Test
  void commandsBeforeAProtocolErrorComeOutAndNothingAfterIt() {
    feed("PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n$x\r\n*1\r\n$4\r\nPING\r\n");
    assertEquals(List.of("PING"), nextCommand());
    assertEquals(List.of("PING"), nextCommand());
    assertProtocolError("invalid bulk length");
    feed("*1\r\n$4\r\nPING\r\n");
    assertNothingMore();
  }

  private void feed(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, ISO_8859_1));
  }

  private List<String> nextCommand() {
    List<byte[]> argv = channel.readInbound();
    return argv == null ? null : strings(argv);
  }

  private void assertProtocolError(String expected) {
    Object message = channel.readInbound();
    assertEquals(new RespProtocolError("Protocol error: " + expected), message);
    assertNothingMore();
  }

  private void assertNothingMore() {
    assertNull(channel.readInbound());
  }

  private void drainInto(List<List<String>> commands) {
    for (List<byte[]> argv = channel.readInbound(); argv != null; argv = channel.readInbound()) {
      commands.add(strings(argv));
    }
  }

  private static List<String> strings(List<byte[]> argv) {
    List<String> words = new ArrayList<>();
    for (byte[] arg : argv) {
      words.add(new String(arg, ISO_8859_1));
    }
    return words;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
