package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClusterKeyCommandsTest {
  private final TestShard shard = new TestShard();

  private ExecutionContext read() {
    return ExecutionContext.forRead(shard.keyspace(), shard.nowMs());
  }

  private static int slotOf(String key) {
    return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsAndListsTheKeysOfOneSlot() {
    shard.exec("MSET", "{user1}:a", "1", "{user1}:b", "2", "{user1}:c", "3", "other", "4");
    int slot = slotOf("user1");

    assertEquals("(integer) 3", ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), slot)));
    assertEquals("[\"{user1}:a\", \"{user1}:b\", \"{user1}:c\"]",
        ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), slot, 10), true));
    assertEquals(2, ((io.slotraft.node.reply.Reply.Array) ClusterKeyCommands.getKeysInSlot(read(), slot, 2))
        .items().size());
    assertEquals("[]", ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), slot, 0)));
    assertEquals("(integer) 0", ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), (slot + 1) % 16384)));
  }

  /** As in Redis, the count includes keys that expired but are not deleted yet; the list skips them. */
  @Test
  void countIncludesExpiredKeysNotYetDeleted() {
    shard.exec("SET", "{s}:live", "1");
    shard.exec("SET", "{s}:gone", "1", "PX", "10");
    shard.advance(10);
    int slot = slotOf("s");

    assertEquals("(integer) 2", ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), slot)));
    assertEquals("[\"{s}:live\"]", ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), slot, 10)));
  }

  @Test
  void refusesBadSlotsAndCountsWithRedisTexts() {
    String invalidSlot = "(error) ERR Invalid slot";
    String invalidEither = "(error) ERR Invalid slot or number of keys";
    assertEquals(invalidSlot, ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), -1)));
    assertEquals(invalidSlot, ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), 16384)));
    assertEquals(invalidSlot, ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), 1L << 32)));
    assertEquals(invalidEither, ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), 16384, 1)));
    assertEquals(invalidEither, ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), -1, 1)));
    assertEquals(invalidEither, ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), 0, -1)));
    assertEquals("(integer) 0", ReplyText.of(ClusterKeyCommands.countKeysInSlot(read(), 16383)));
    assertEquals("[]", ReplyText.of(ClusterKeyCommands.getKeysInSlot(read(), 0, Long.MAX_VALUE)));
  }
}
