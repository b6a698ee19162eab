package io.slotraft.node.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.slotraft.node.keyspace.ListValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot may be writing out a list while commands go on: after {@code beginSnapshot()}, every
 * list command that changes a list must leave the captured instance as it was.
 */
class ListCopyOnWriteTest {

  static List<List<String>> changingCommands() {
    return List.of(
        List.of("LPUSH", "{l}a", "x"),
        List.of("RPUSH", "{l}a", "x", "y"),
        List.of("LPUSHX", "{l}a", "x"),
        List.of("RPUSHX", "{l}a", "x"),
        List.of("LPOP", "{l}a"),
        List.of("RPOP", "{l}a", "2"),
        List.of("LSET", "{l}a", "1", "x"),
        List.of("LINSERT", "{l}a", "BEFORE", "b", "x"),
        List.of("LREM", "{l}a", "0", "b"),
        List.of("LTRIM", "{l}a", "1", "1"),
        List.of("LTRIM", "{l}a", "5", "1"),
        List.of("LMOVE", "{l}a", "{l}a", "LEFT", "RIGHT"),
        List.of("LMOVE", "{l}a", "{l}b", "RIGHT", "LEFT"),
        List.of("RPOPLPUSH", "{l}b", "{l}a"),
        List.of("LMPOP", "2", "{l}x", "{l}a", "LEFT", "COUNT", "2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void leavesTheCapturedListAlone(List<String> command) {
    TestShard shard = new TestShard();
    shard.exec("RPUSH", "{l}a", "a", "b", "c");
    shard.exec("RPUSH", "{l}b", "1", "2");
    ListValue capturedA = list(shard, "{l}a");
    ListValue capturedB = list(shard, "{l}b");
    shard.keyspace().beginSnapshot();

    shard.exec(command.toArray(new String[0]));

    assertEquals(List.of("a", "b", "c"), elements(capturedA), "the captured instance changed");
    assertEquals(List.of("1", "2"), elements(capturedB), "the captured instance changed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void changesInPlaceWhenNoSnapshotIsTaken(List<String> command) {
    TestShard shard = new TestShard();
    shard.exec("RPUSH", "{l}a", "a", "b", "c");
    ListValue stored = list(shard, "{l}a");

    shard.exec(command.toArray(new String[0]));

    ListValue now = list(shard, "{l}a");
    if (now != null) {
      assertSame(stored, now, "a copy was made with no snapshot to protect");
    }
  }

  private static ListValue list(TestShard shard, String key) {
    return (ListValue) shard.keyspace().get(key.getBytes(UTF_8), shard.nowMs());
  }

  private static List<String> elements(ListValue list) {
    List<String> values = new ArrayList<>();
    list.forEach((array, offset, length) -> values.add(new String(array, offset, length, UTF_8)));
    return values;
  }
}
