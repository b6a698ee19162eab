package io.slotraft.client.multikey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotraft.client.SlotraftCommandException;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.command.KeyCommandBuilder;
import io.slotraft.client.command.StringCommandBuilder;
import io.slotraft.client.reply.KeyValue;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.CommandRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Cutting multi-key commands per slot and putting the answers back in the caller's order. */
class MultiKeyCommandTest {
    // "a" is slot 15495, "b" 3300; {a}x and {a}y share a's slot.
    private final List<byte[]> keys = encode("a", "b", "{a}x", "c", "{b}y");

    private static List<byte[]> encode(String... texts) {
        List<byte[]> out = new ArrayList<>();
        for (String text : texts) {
            out.add(Utf8.encode(text));
        }
        return out;
    }

    private static List<String> args(CommandRequest request) {
        return request.getArgsList().stream().map(arg -> arg.toStringUtf8()).collect(Collectors.toList());
    }

    private MultiKeyCommand<List<byte[]>> mget() {
        return MultiKeyCommand.mget(StringCommandBuilder.mget(keys.toArray(byte[][]::new)), keys);
    }

    @Test
    void onePartPerSlotInTheOrderOfEachSlotsFirstKey() {
        List<SlotPart> parts = mget().parts();

        assertEquals(3, parts.size());
        assertEquals(List.of("a", "{a}x"), args(parts.get(0).command().toRequest()));
        assertEquals(List.of("b", "{b}y"), args(parts.get(1).command().toRequest()));
        assertEquals(List.of("c"), args(parts.get(2).command().toRequest()));
        assertArrayEquals(new int[] {0, 2}, parts.get(0).keyIndexes());
        assertArrayEquals(new int[] {1, 4}, parts.get(1).keyIndexes());
        assertEquals(SlotHash.slot(Utf8.encode("a")), parts.get(0).slot());
        assertEquals("MGET", parts.get(0).command().name());
    }

    @Test
    void mgetValuesComeBackInTheCallersKeyOrderWithMissingKeysAsNull() {
        MultiKeyCommand<List<byte[]>> mget = mget();
        List<SlotPart> parts = mget.parts();
        List<Reply> replies = List.of(
                Reply.array(List.of(Reply.bulk(Utf8.encode("A")), Reply.bulk(Utf8.encode("AX")))),
                Reply.array(List.of(Reply.nil(), Reply.bulk(Utf8.encode("BY")))),
                Reply.array(List.of(Reply.bulk(Utf8.encode("C")))));

        List<byte[]> values = mget.join(parts, replies);

        assertEquals(Arrays.asList("A", null, "AX", "C", "BY"), Utf8.decodeAll(values));
    }

    @Test
    void msetPartsCarryEachKeyWithItsValue() {
        List<KeyValue> pairs = List.of(KeyValue.of("a", "1"), KeyValue.of("b", "2"), KeyValue.of("{a}x", "3"));
        List<byte[]> msetKeys = encode("a", "b", "{a}x");
        MultiKeyCommand<String> mset = MultiKeyCommand.mset(StringCommandBuilder.mset(pairs), msetKeys,
                encode("1", "2", "3"));

        List<SlotPart> parts = mset.parts();

        assertEquals(List.of("a", "1", "{a}x", "3"), args(parts.get(0).command().toRequest()));
        assertEquals(List.of("b", "2"), args(parts.get(1).command().toRequest()));
        assertEquals("OK", mset.join(parts, List.of(Reply.simple("OK"), Reply.simple("OK"))));
    }

    @Test
    void countingCommandsSumTheirParts() {
        MultiKeyCommand<Long> del = MultiKeyCommand.counting(KeyCommandBuilder.del(keys.toArray(byte[][]::new)), keys);
        List<SlotPart> parts = del.parts();

        assertEquals("DEL", parts.get(2).command().name());
        assertEquals(4L, del.join(parts, List.of(Reply.integer(2), Reply.integer(0), Reply.integer(2))));
    }

    @Test
    void anErrorInAnyPartIsThrownAsTheCommandsError() {
        MultiKeyCommand<Long> exists = MultiKeyCommand.counting(
                KeyCommandBuilder.exists(keys.toArray(byte[][]::new)), keys);
        List<SlotPart> parts = exists.parts();

        SlotraftCommandException error = assertThrows(SlotraftCommandException.class, () -> exists.join(parts,
                List.of(Reply.integer(1), Reply.error("ERR shard on fire"), Reply.integer(1))));
        assertEquals("ERR shard on fire", error.getMessage());
    }

    @Test
    void keysOfOneSlotMakeOnePartAndTheWholeCommandIsSent() {
        List<byte[]> tagged = encode("{t}1", "{t}2", "{t}3");
        MultiKeyCommand<List<byte[]>> mget = MultiKeyCommand.mget(
                StringCommandBuilder.mget(tagged.toArray(byte[][]::new)), tagged);

        assertEquals(1, mget.parts().size());
        assertEquals(List.of("{t}1", "{t}2", "{t}3"), args(mget.whole().toRequest()));
    }

    @Test
    void msetNeedsAValuePerKey() {
        assertThrows(IllegalArgumentException.class, () -> MultiKeyCommand.mset(
                StringCommandBuilder.mset(List.of(KeyValue.of("a", "1"))), encode("a", "b"), encode("1")));
    }
}
