package io.slotraft.client.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.proto.SlotHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's slot function against values Redis Cluster gives (CLUSTER KEYSLOT). */
class SlotHashTest {

    private static int slot(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainKeysHashAsRedisClusterHashesThem() {
        assertEquals(12182, slot("foo"));
        assertEquals(11058, slot("somekey"));
        assertEquals(866, slot("hello"));
        assertEquals(15495, slot("a"));
        assertEquals(3300, slot("b"));
        assertEquals(0, slot(""));
    }

    @Test
    void theCrcIsXmodemWhoseCheckValueOf123456789Is0x31C3() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x31C3, SlotHash.crc16(check, 0, check.length));
        assertEquals(12739, slot("123456789"));
    }

    @Test
    void aHashTagPutsKeysInTheSlotOfTheTag() {
        assertEquals(slot("{user1000}.following"), slot("{user1000}.followers"));
        assertEquals(3443, slot("{user1000}.following"));
        assertEquals(slot("bar"), slot("foo{bar}{zap}"), "only the first tag counts");
        assertEquals(slot("{bar"), slot("foo{{bar}}zap"), "the tag runs from the first { to the next }");
    }

    @Test
    void anEmptyTagOrAnUnclosedBraceHashesTheWholeKey() {
        byte[] emptyTag = "foo{}{bar}".getBytes(StandardCharsets.UTF_8);
        assertEquals(8363, SlotHash.slot(emptyTag));
        assertEquals(SlotHash.crc16(emptyTag, 0, emptyTag.length) & 16383, SlotHash.slot(emptyTag));
        byte[] unclosed = "foo{bar".getBytes(StandardCharsets.UTF_8);
        assertEquals(SlotHash.crc16(unclosed, 0, unclosed.length) & 16383, SlotHash.slot(unclosed));
    }

    @Test
    void binaryKeysHashByTheirBytes() {
        byte[] key = {(byte) 0xff, 0, (byte) 0x80, '{', 'x', '}'};
        assertEquals(slot("x"), SlotHash.slot(key));
    }
}
