package io.slotraft.node.reply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies through their message form and back, as snapshots keep remembered replies. */
class ReplyMessagesTest {

  private static Reply roundTrip(Reply reply) {
    return ReplyMessages.fromProto(ReplyMessages.toProto(reply));
  }

  @Test
  void everyKindComesBackAsTheClientSawIt() {
    List<Reply> same = List.of(Replies.OK, Replies.error("WRONGTYPE x"), Replies.integer(-42), Replies.dbl(1.5),
        Replies.bool(true), new Reply.SetReply(List.of(Replies.integer(1))),
        new Reply.MapReply(List.of(Replies.simple("k"), Replies.integer(2))),
        Replies.array(List.of(Replies.integer(1), Replies.array(List.of()))), Reply.Nil.BULK);
    for (Reply reply : same) {
      assertEquals(reply, roundTrip(reply));
    }
    Reply.Bulk bulk = (Reply.Bulk) roundTrip(Replies.bulk("v".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals("v".getBytes(StandardCharsets.UTF_8), bulk.value());
  }

  @Test
  void pairsAndArrayNilsComeBackInTheFormGrpcClientsSee() {
    Reply pairs = new Reply.Pairs(List.of(Replies.integer(1), Replies.integer(2)));
    assertEquals(ReplyMessages.toProto(pairs), ReplyMessages.toProto(roundTrip(pairs)));
    assertEquals(ReplyMessages.toProto(Reply.Nil.ARRAY), ReplyMessages.toProto(roundTrip(Reply.Nil.ARRAY)));
  }
}
