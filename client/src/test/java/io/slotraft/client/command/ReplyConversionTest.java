package io.slotraft.client.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.reply.ScanResult;
import io.slotraft.proto.v1.MapEntry;
import io.slotraft.proto.v1.Nil;
import io.slotraft.proto.v1.ReplyList;
import io.slotraft.proto.v1.ReplyMap;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From the wire's proto reply to the client's Reply, and from Reply to each typed method's value. */
class ReplyConversionTest {

    /** The wire's reply type; the client's own {@link Reply} is the one imported. */
    private static io.slotraft.proto.v1.Reply.Builder wire() {
        return io.slotraft.proto.v1.Reply.newBuilder();
    }

    private static io.slotraft.proto.v1.Reply bulk(String text) {
        return wire().setBulk(ByteString.copyFromUtf8(text)).build();
    }

    private static io.slotraft.proto.v1.Reply nil() {
        return wire().setNil(Nil.getDefaultInstance()).build();
    }

    private static io.slotraft.proto.v1.Reply array(io.slotraft.proto.v1.Reply... items) {
        return wire().setArray(ReplyList.newBuilder().addAllItems(Arrays.asList(items))).build();
    }

    @Test
    void everyKindConvertsAndNestingIsKept() {
        io.slotraft.proto.v1.Reply map = wire().setMap(ReplyMap.newBuilder()
                .addEntries(MapEntry.newBuilder().setKey(bulk("f")).setValue(
                        wire().setDouble(1.5).build()))).build();
        io.slotraft.proto.v1.Reply set = wire()
                .setSet(ReplyList.newBuilder().addItems(wire().setBoolean(true))).build();

        Reply reply = ProtoReplies.toReply(array(bulk("x"), nil(), map, set,
                wire().setInteger(-7).build(),
                wire().setSimple("OK").build(),
                wire().setError("ERR boom").build()));

        assertEquals(Reply.array(List.of(
                Reply.bulk(Utf8.encode("x")), Reply.nil(),
                Reply.map(Map.of(Reply.bulk(Utf8.encode("f")), Reply.doubleValue(1.5))),
                Reply.set(List.of(Reply.bool(true))),
                Reply.integer(-7), Reply.simple("OK"), Reply.error("ERR boom"))), reply);
    }

    @Test
    void aReplyWithoutAKindIsRefusedNotGuessed() {
        assertThrows(SlotraftException.class, () -> ProtoReplies.toReply(io.slotraft.proto.v1.Reply.getDefaultInstance()));
    }

    @Test
    void accessorsAreStrictAboutShape() {
        assertThrows(IllegalStateException.class, () -> Reply.simple("OK").asLong());
        assertThrows(IllegalStateException.class, () -> Reply.integer(1).asList());
        assertNull(Reply.nil().asString());
        assertEquals("OK", Reply.simple("OK").asString());
        assertArrayEquals(Utf8.encode("OK"), Reply.simple("OK").asBytes());
    }

    @Test
    void decodersReadEachCommandsShape() {
        assertNull(Decoders.bytes(Reply.nil()));
        assertTrue(Decoders.bool(Reply.integer(1)));
        assertFalse(Decoders.bool(Reply.integer(0)));
        assertTrue(Decoders.bool(Reply.bool(true)));
        assertEquals(3.5, Decoders.floating(Reply.bulk(Utf8.encode("3.5"))), "RESP2 INCRBYFLOAT");
        assertEquals(3.5, Decoders.floating(Reply.doubleValue(3.5)), "RESP3 INCRBYFLOAT");
        assertEquals(Arrays.asList("a", null),
                Utf8.decodeAll(Decoders.bytesList(Reply.array(List.of(Reply.bulk(Utf8.encode("a")), Reply.nil())))));
    }

    @Test
    void timeIsSecondsAndMicroseconds() {
        Reply time = ProtoReplies.toReply(array(bulk("1700000000"), bulk("250000")));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 250_000_000L), Decoders.time(time));
    }

    @Test
    void scanIsACursorAndItsKeys() {
        ScanResult step = Decoders.scan(ProtoReplies.toReply(array(bulk("42"), array(bulk("a"), bulk("b")))));
        assertEquals("42", step.cursor());
        assertFalse(step.isFinished());
        assertEquals(List.of("a", "b"), step.keysAsStrings());
        assertTrue(Decoders.scan(ProtoReplies.toReply(array(bulk("0"), array()))).isFinished());
    }
}
