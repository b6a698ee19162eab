package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespEncoderTest {
  private static final Reply MAP = new Reply.MapReply(List.of(Replies.bulk("server"), Replies.bulk("slotraft"),
      Replies.bulk("proto"), Replies.integer(3)));
  private static final Reply SET = new Reply.SetReply(List.of(Replies.bulk("a"), Replies.bulk("b")));

  @Test
  void simpleStrings() {
    assertBoth("+OK\r\n", Replies.OK);
  }

  @Test
  void errorsKeepTheirCode() {
    assertBoth("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
        Replies.error("WRONGTYPE Operation against a key holding the wrong kind of value"));
  }

  @Test
  void lineBreaksInsideErrorsAndStatusesBecomeSpaces() {
    assertBoth("-ERR unknown command 'a  b c'\r\n", Replies.error("ERR unknown command 'a\r\nb\nc'"));
    assertBoth("+x y\r\n", Replies.simple("x\ry"));
  }

  @Test
  void routingErrorsUseTheirRespText() {
    assertBoth("-MOVED 3999 127.0.0.1:7002\r\n",
        new RoutingReply.Moved(3999, "s1", "n".repeat(40), "127.0.0.1", 7002, 7102, 5));
    assertBoth("-CROSSSLOT Keys in request don't hash to the same slot\r\n", new RoutingReply.CrossSlot());
    assertBoth("-TRYAGAIN no leader\r\n", new RoutingReply.TryAgain(12, "no leader"));
  }

  @Test
  void integersIncludingTheExtremes() {
    assertBoth(":0\r\n", Replies.integer(0));
    assertBoth(":7\r\n", Replies.integer(7));
    assertBoth(":-1\r\n", Replies.integer(-1));
    assertBoth(":1234567890\r\n", Replies.integer(1234567890));
    assertBoth(":9223372036854775807\r\n", Replies.integer(Long.MAX_VALUE));
    assertBoth(":-9223372036854775808\r\n", Replies.integer(Long.MIN_VALUE));
  }

  @Test
  void bulkStringsAreBinarySafe() {
    assertBoth("$5\r\nhello\r\n", Replies.bulk("hello"));
    assertBoth("$0\r\n\r\n", Replies.bulk(new byte[0]));
    byte[] binary = {0, '\r', '\n', (byte) 0xFF};
    assertArrayEquals(bytes("$4\r\n\0\r\n\u00ff\r\n"), encode(Replies.bulk(binary), 2));
  }

  @Test
  void nilIsBulkOrArrayInResp2AndUnderscoreInResp3() {
    assertResp2("$-1\r\n", Reply.Nil.BULK);
    assertResp2("*-1\r\n", Reply.Nil.ARRAY);
    assertResp3("_\r\n", Reply.Nil.BULK);
    assertResp3("_\r\n", Reply.Nil.ARRAY);
  }

  @Test
  void pairsAreFlatInResp2AndNestedInResp3WithDoublesAsBulkOrDouble() {
    Reply reply = new Reply.Pairs(List.of(Replies.bulk("a"), Replies.dbl(1.5), Replies.bulk("b"), Replies.dbl(0.1)));
    assertResp2("*4\r\n$1\r\na\r\n$3\r\n1.5\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n", reply);
    assertResp3("*2\r\n*2\r\n$1\r\na\r\n,1.5\r\n*2\r\n$1\r\nb\r\n,0.10000000000000001\r\n", reply);
    assertBoth("*0\r\n", new Reply.Pairs(List.of()));
  }

  @Test
  void arraysNestAndHoldNils() {
    Reply reply = Replies.array(Replies.bulk("a"), Reply.Nil.BULK, Replies.array(Replies.integer(1)));
    assertResp2("*3\r\n$1\r\na\r\n$-1\r\n*1\r\n:1\r\n", reply);
    assertResp3("*3\r\n$1\r\na\r\n_\r\n*1\r\n:1\r\n", reply);
    assertBoth("*0\r\n", Replies.EMPTY_ARRAY);
  }

  @Test
  void doublesAreBulkStringsInResp2() {
    assertResp2("$3\r\n3.5\r\n", Replies.dbl(3.5));
    assertResp2("$2\r\n10\r\n", Replies.dbl(10.0));
    assertResp2("$3\r\ninf\r\n", Replies.dbl(Double.POSITIVE_INFINITY));
    assertResp2("$4\r\n-inf\r\n", Replies.dbl(Double.NEGATIVE_INFINITY));
    assertResp2("$3\r\nnan\r\n", Replies.dbl(Double.NaN));
  }

  @Test
  void doublesHaveTheirOwnTypeInResp3() {
    assertResp3(",3.5\r\n", Replies.dbl(3.5));
    assertResp3(",-0.25\r\n", Replies.dbl(-0.25));
    assertResp3(",inf\r\n", Replies.dbl(Double.POSITIVE_INFINITY));
    assertResp3(",-inf\r\n", Replies.dbl(Double.NEGATIVE_INFINITY));
    assertResp3(",nan\r\n", Replies.dbl(Double.NaN));
  }

  @Test
  void mapsAreFlatArraysInResp2AndCountPairsInResp3() {
    assertResp2("*4\r\n$6\r\nserver\r\n$8\r\nslotraft\r\n$5\r\nproto\r\n:3\r\n", MAP);
    assertResp3("%2\r\n$6\r\nserver\r\n$8\r\nslotraft\r\n$5\r\nproto\r\n:3\r\n", MAP);
  }

  @Test
  void setsAreArraysInResp2() {
    assertResp2("*2\r\n$1\r\na\r\n$1\r\nb\r\n", SET);
    assertResp3("~2\r\n$1\r\na\r\n$1\r\nb\r\n", SET);
  }

  @Test
  void booleansAreIntegersInResp2() {
    assertResp2(":1\r\n", new Reply.Bool(true));
    assertResp2(":0\r\n", new Reply.Bool(false));
    assertResp3("#t\r\n", new Reply.Bool(true));
    assertResp3("#f\r\n", new Reply.Bool(false));
  }

  @Test
  void aggregatesInsideAggregatesFollowTheProtocolToo() {
    Reply reply = Replies.array(MAP, SET, new Reply.Bool(true), Replies.dbl(1.5));
    assertResp3("*4\r\n%2\r\n$6\r\nserver\r\n$8\r\nslotraft\r\n$5\r\nproto\r\n:3\r\n"
        + "~2\r\n$1\r\na\r\n$1\r\nb\r\n#t\r\n,1.5\r\n", reply);
  }

  @Test
  void errorTextIsWrittenAsUtf8() {
    assertArrayEquals("-ERR unknown command 'é'\r\n".getBytes(UTF_8),
        encode(Replies.error("ERR unknown command 'é'"), 2));
  }

  private static void assertBoth(String expected, Reply reply) {
    assertResp2(expected, reply);
    assertResp3(expected, reply);
  }

  private static void assertResp2(String expected, Reply reply) {
    assertEquals(expected, new String(encode(reply, 2), ISO_8859_1), "RESP2");
  }

  private static void assertResp3(String expected, Reply reply) {
    assertEquals(expected, new String(encode(reply, 3), ISO_8859_1), "RESP3");
  }

  private static byte[] encode(Reply reply, int protocol) {
    ByteBuf out = Unpooled.buffer(4); // small, so that writes must grow it
    RespEncoder.encode(reply, protocol, out);
    byte[] bytes = ByteBufUtil.getBytes(out);
    out.release();
    return bytes;
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(ISO_8859_1);
  }
}
