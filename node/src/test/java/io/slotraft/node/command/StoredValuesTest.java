package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.keyspace.StringValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot may be writing out a value's array while commands go on, so a command that changes a
 * string must store a new array and leave the old one as it was.
 */
class StoredValuesTest {

  static List<List<String>> changingCommands() {
    return List.of(
        List.of("APPEND", "k", "more"),
        List.of("SETRANGE", "k", "0", "xy"),
        List.of("SETRANGE", "k", "10", "xy"),
        List.of("INCR", "k"),
        List.of("DECRBY", "k", "7"),
        List.of("INCRBYFLOAT", "k", "0.5"),
        List.of("SET", "k", "new", "KEEPTTL"),
        List.of("GETSET", "k", "new"),
        List.of("RENAME", "k", "k2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void leavesTheOldArrayAlone(List<String> command) {
    TestShard shard = new TestShard();
    shard.exec("SET", "k", "12", "EX", "100");
    byte[] stored = ((StringValue) shard.keyspace().get(bytes("k"), shard.nowMs())).bytes();

    shard.exec(command.toArray(new String[0]));

    assertArrayEquals(bytes("12"), stored, "the stored array was changed in place");
    // GETSET drops the TTL and RENAME moves it; every other one keeps it.
    if (!Set.of("GETSET", "RENAME").contains(command.get(0))) {
      assertEquals(100_000L, shard.keyspace().lookup(bytes("k"), shard.nowMs()).expireAtMs() - shard.nowMs(),
          "the TTL should be kept");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
