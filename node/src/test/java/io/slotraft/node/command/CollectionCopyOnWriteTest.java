package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.slotraft.node.keyspace.PackedCollection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot captures hashes and sets by reference and writes them out while commands go on, so
 * every command that changes one must change a copy once a snapshot has begun: the captured
 * instance keeps its content. Each collection is large enough to have an index, so that is copied
 * and changed too.
 */
class CollectionCopyOnWriteTest {

  static List<List<String>> changingCommands() {
    return List.of(
        List.of("HSET", "h", "f1", "changed", "new", "field"),
        List.of("HSET", "h", "f1", "same-len"),
        List.of("HMSET", "h", "f2", "x"),
        List.of("HSETNX", "h", "fresh", "x"),
        List.of("HDEL", "h", "f1", "f2"),
        List.of("HINCRBY", "h", "n", "5"),
        List.of("HINCRBYFLOAT", "h", "n", "0.5"),
        List.of("SADD", "s", "fresh"),
        List.of("SREM", "s", "m1", "m2"),
        List.of("SPOP", "s"),
        List.of("SPOP", "s", "5"),
        List.of("SMOVE", "s", "s2", "m3"),
        List.of("SMOVE", "s2", "s", "o1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void theCapturedInstanceKeepsItsContent(List<String> command) {
    TestShard shard = new TestShard();
    for (int i = 0; i < 40; i++) {
      shard.exec("HSET", "h", "f" + i, "value" + i, "n", "10");
      shard.exec("SADD", "s", "m" + i);
      shard.exec("SADD", "s2", "o" + i);
    }
    String key = command.get(1);
    PackedCollection captured = collection(shard, key);
    byte[] before = captured.toPackedBytes();
    shard.keyspace().beginSnapshot();

    shard.exec(command.toArray(new String[0]));

    assertArrayEquals(before, captured.toPackedBytes(), "the captured instance changed");
    assertNotSame(captured, collection(shard, key), "the change should have gone to a copy");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void withoutASnapshotTheValueChangesInPlace(List<String> command) {
    TestShard shard = new TestShard();
    for (int i = 0; i < 40; i++) {
      shard.exec("HSET", "h", "f" + i, "value" + i, "n", "10");
      shard.exec("SADD", "s", "m" + i);
      shard.exec("SADD", "s2", "o" + i);
    }
    String key = command.get(1);
    PackedCollection stored = collection(shard, key);

    shard.exec(command.toArray(new String[0]));

    assertSame(stored, collection(shard, key), "no snapshot: no copy needed");
  }

  private static PackedCollection collection(TestShard shard, String key) {
    return (PackedCollection) shard.keyspace().get(key.getBytes(StandardCharsets.UTF_8), shard.nowMs());
  }
}
