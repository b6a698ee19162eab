package io.slotraft.node.statemachine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Catalogs;
import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.proto.v1.LogEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The state machine without Raft: the same log must give the same keyspace, whatever the replica. */
class ShardStateMachineTest {

  private static List<byte[]> argv(String... words) {
    return Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static ByteBuffer command(long time, long seed, String... words) {
    return ByteBuffer.wrap(EntryCodec.command(time, seed, argv(words)));
  }

  @Test
  void sameLogSameKeyspaceByteForByte() {
    Random random = new Random(7);
    List<ByteBuffer> log = new ArrayList<>();
    long time = 1_700_000_000_000L;
    for (int i = 0; i < 5000; i++) {
      time += random.nextInt(50);
      String key = "k" + random.nextInt(300);
      switch (random.nextInt(7)) {
        case 0 -> log.add(command(time, random.nextLong(), "SET", key, "v" + i));
        case 1 -> log.add(command(time, random.nextLong(), "SET", key, "v" + i, "PX", Integer.toString(1 + random.nextInt(2000))));
        case 2 -> log.add(command(time, random.nextLong(), "INCR", "n" + random.nextInt(20)));
        case 3 -> log.add(command(time, random.nextLong(), "APPEND", key, "x"));
        case 4 -> log.add(command(time, random.nextLong(), "DEL", key));
        case 5 -> log.add(command(time, random.nextLong(), "EXPIRE", key, Integer.toString(random.nextInt(3))));
        default -> log.add(ByteBuffer.wrap(EntryCodec.expireKeys(time, List.of(key.getBytes(StandardCharsets.UTF_8)))));
      }
    }
    ShardStateMachine a = new ShardStateMachine(Catalogs.keyspaceOnly());
    ShardStateMachine b = new ShardStateMachine(Catalogs.keyspaceOnly());
    for (int i = 0; i < log.size(); i++) {
      Reply ra = a.apply(i + 1, 1, log.get(i));
      Reply rb = b.apply(i + 1, 1, log.get(i));
      assertEquals(render(ra), render(rb), "reply to entry " + (i + 1));
    }
    assertEquals(dump(a), dump(b));
    assertEquals(a.clockMs(), b.clockMs());
    assertEquals(log.size(), a.appliedIndex());
  }

  @Test
  void timeComesFromTheEntryAndNeverRunsBackwards() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    sm.apply(1, 1, command(10_000, 1, "SET", "k", "v", "PX", "100"));
    // A new leader whose clock is behind: expiry is still judged by the later time.
    sm.apply(2, 2, command(9_000, 1, "SET", "other", "v"));
    assertEquals(10_000, sm.clockMs());
    assertEquals(10_100, sm.keyspace().lookup("k".getBytes(), 0).expireAtMs());
    sm.apply(3, 2, ByteBuffer.wrap(EntryCodec.expireKeys(10_050, List.of("k".getBytes()))));
    assertTrue(sm.keyspace().exists("k".getBytes(), 10_050), "not yet expired at 10050: kept");
    sm.apply(4, 2, ByteBuffer.wrap(EntryCodec.expireKeys(10_100, List.of("k".getBytes()))));
    assertNull(sm.keyspace().lookup("k".getBytes(), 0), "expired at 10100: deleted by the expiry entry");
  }

  @Test
  void readsNeverDeleteExpiredKeys() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    sm.apply(1, 1, command(1_000, 1, "SET", "k", "v", "PX", "10"));
    var get = Catalogs.keyspaceOnly().lookup("get");
    assertEquals(Replies.NIL, sm.read(get, CommandArgs.of("GET", "k"), 5_000));
    assertEquals(1, sm.keyspace().size(), "only a log entry may delete");
  }

  @Test
  void aFailingCommandChangesNothingAndAnswersItsError() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    sm.apply(1, 1, command(1_000, 1, "SET", "k", "abc"));
    Reply reply = sm.apply(2, 1, command(1_000, 1, "INCR", "k"));
    assertEquals(new Reply.Error("ERR value is not an integer or out of range"), reply);
    assertArrayEquals("abc".getBytes(), ((StringValue) sm.keyspace().get("k".getBytes(), 1_000)).bytes());
  }

  @Test
  void unknownFormatVersionOrCommandStopsTheReplica() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    byte[] future = LogEntry.newBuilder().setFormatVersion(99).build().toByteArray();
    assertThrows(EntryCodec.UnreadableEntryException.class, () -> sm.apply(1, 1, ByteBuffer.wrap(future)));
    assertThrows(EntryCodec.UnreadableEntryException.class, () -> sm.apply(1, 1, command(1, 1, "NOSUCHCMD", "x")));
    assertThrows(EntryCodec.UnreadableEntryException.class, () -> sm.apply(1, 1, command(1, 1, "GET", "x")),
        "a read-only command in the log is a bug, not something to apply");
    assertThrows(EntryCodec.UnreadableEntryException.class, () -> sm.apply(1, 1, ByteBuffer.wrap(new byte[] {(byte) 0xff, 1, 2})));
  }

  private static String render(Reply reply) {
    return reply instanceof Reply.Bulk bulk ? "bulk:" + new String(bulk.value(), StandardCharsets.UTF_8) : reply.toString();
  }

  private static TreeMap<String, String> dump(ShardStateMachine sm) {
    TreeMap<String, String> dump = new TreeMap<>();
    sm.keyspace().forEach((KeyEntry e) -> dump.put(new String(e.key(), StandardCharsets.UTF_8),
        new String(((StringValue) e.value()).bytes(), StandardCharsets.UTF_8) + "@" + e.expireAtMs()));
    return dump;
  }
}
