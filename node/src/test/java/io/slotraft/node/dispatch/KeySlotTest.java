package io.slotraft.node.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.proto.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one slot of a command's keys, or CROSSSLOT: the check routing makes before anything is proposed. */
class KeySlotTest {

  @Test
  void oneSlotNoneOrCross() {
    assertEquals(KeySlot.NONE, KeySlot.of(List.of()));
    assertEquals(slot("a"), KeySlot.of(keys("a")));
    assertEquals(slot("t"), KeySlot.of(keys("{t}a", "{t}b", "t")));
    assertEquals(KeySlot.CROSS, KeySlot.of(keys("{t}a", "b")));
    assertEquals(KeySlot.CROSS, KeySlot.of(keys("a", "a", "b")));
  }

  private static int slot(String key) {
    return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
  }

  private static List<byte[]> keys(String... keys) {
    return Arrays.stream(keys).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
  }
}
