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
import java.util.HexFormat;
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
      List<Reply> ra = a.apply(i + 1, 1, log.get(i));
      List<Reply> rb = b.apply(i + 1, 1, log.get(i));
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
    List<Reply> replies = sm.apply(2, 1, command(1_000, 1, "INCR", "k"));
    assertEquals(List.of(new Reply.Error("ERR value is not an integer or out of range")), replies);
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

  @Test
  void aBatchAppliesLikeTheSameCommandsAsSeparateEntries() {
    Random random = new Random(11);
    ShardStateMachine batched = new ShardStateMachine(Catalogs.keyspaceOnly());
    ShardStateMachine separate = new ShardStateMachine(Catalogs.keyspaceOnly());
    long time = 1_700_000_000_000L;
    long separateIndex = 0;
    int errors = 0;
    for (int entry = 1; entry <= 500; entry++) {
      time += random.nextInt(100);
      long seed = random.nextLong();
      List<List<byte[]>> commands = new ArrayList<>();
      for (int i = 1 + random.nextInt(20); i > 0; i--) {
        commands.add(argv(randomWrite(random, entry)));
      }
      List<Reply> together = batched.apply(entry, 1, ByteBuffer.wrap(EntryCodec.commandBatch(time, seed, commands.stream().map(LoggedCommand::of).toList())));
      List<Reply> oneByOne = new ArrayList<>();
      for (int i = 0; i < commands.size(); i++) {
        byte[] single = EntryCodec.command(time, EntryCodec.commandSeed(seed, i), commands.get(i));
        oneByOne.addAll(separate.apply(++separateIndex, 1, ByteBuffer.wrap(single)));
      }
      assertEquals(render(oneByOne), render(together), "replies to batch entry " + entry);
      errors += (int) together.stream().filter(Reply.Error.class::isInstance).count();
    }
    assertEquals(dump(separate), dump(batched));
    assertEquals(separate.clockMs(), batched.clockMs());
    assertEquals(500, batched.appliedIndex(), "a batch is one entry: one index");
    assertTrue(errors > 0, "the log should include failing commands");
  }

  @Test
  void aFailingCommandInABatchLeavesItsNeighboursAlone() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    List<Reply> replies = sm.apply(1, 1, batch(1_000, 1,
        argv("SET", "k", "abc"), argv("INCR", "k"), argv("SET", "k2", "v"), argv("INCR", "n")));
    assertEquals(List.of(Replies.OK, new Reply.Error("ERR value is not an integer or out of range"), Replies.OK,
        Replies.ONE), replies);
    assertArrayEquals("abc".getBytes(), ((StringValue) sm.keyspace().get("k".getBytes(), 1_000)).bytes());
    assertTrue(sm.keyspace().exists("k2".getBytes(), 1_000));
  }

  @Test
  void aBatchNamingAnUnknownCommandStopsTheReplicaBeforeApplyingAnyOfIt() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    ByteBuffer entry = batch(1_000, 1, argv("SET", "a", "1"), argv("NOSUCHCMD", "x"));
    assertThrows(EntryCodec.UnreadableEntryException.class, () -> sm.apply(1, 1, entry));
    assertNull(sm.keyspace().lookup("a".getBytes(), 0));
  }

  /** Entries as the first layout's build wrote them, byte for byte: they must replay forever. */
  @Test
  void entriesOfTheFirstFormatStillReplay() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    HexFormat hex = HexFormat.of();
    // SET k v PX 100 at 1_700_000_000_000, seed 42
    assertEquals(List.of(Replies.OK), sm.apply(1, 1, ByteBuffer.wrap(hex.parseHex(
        "08011080d095ffbc31182a52140a0353455412016b120176120250581203313030"))));
    // INCR n at 1_700_000_000_050, seed 7
    assertEquals(List.of(Replies.ONE), sm.apply(2, 1, ByteBuffer.wrap(hex.parseHex(
        "080110b2d095ffbc31180752090a04494e435212016e"))));
    // expire k at 1_700_000_000_200
    assertEquals(List.of(Replies.ONE), sm.apply(3, 1, ByteBuffer.wrap(hex.parseHex("080110c8d195ffbc315a030a016b"))));
    assertNull(sm.keyspace().lookup("k".getBytes(), 0));
    assertArrayEquals("1".getBytes(), ((StringValue) sm.keyspace().get("n".getBytes(), 0)).bytes());
    assertEquals(1_700_000_000_200L, sm.clockMs());
  }

  /** A replica of the first layout would read a batch as an empty entry: version 2 makes it stop instead. */
  @Test
  void onlyBatchEntriesDemandTheSecondFormat() throws Exception {
    assertEquals(1, LogEntry.parseFrom(EntryCodec.command(1, 1, argv("SET", "k", "v"))).getFormatVersion());
    assertEquals(1, LogEntry.parseFrom(EntryCodec.expireKeys(1, List.of("k".getBytes()))).getFormatVersion());
    assertEquals(2, LogEntry.parseFrom(batch(1, 1, argv("SET", "k", "v")).array()).getFormatVersion());
  }

  /** The seeds are part of the log format: a change would make replicas of two builds disagree. */
  @Test
  void batchCommandSeedsAreFixedAndDistinct() {
    assertEquals(-4767286540954276203L, EntryCodec.commandSeed(42, 0));
    assertEquals(2949826092126892291L, EntryCodec.commandSeed(42, 1));
    assertEquals(7695775901623935470L, EntryCodec.commandSeed(42, 255));
  }

  @SafeVarargs
  private static ByteBuffer batch(long time, long seed, List<byte[]>... commands) {
    return ByteBuffer.wrap(EntryCodec.commandBatch(time, seed, java.util.Arrays.stream(commands).map(LoggedCommand::of).toList()));
  }

  private static String[] randomWrite(Random random, int i) {
    String key = "k" + random.nextInt(50);
    return switch (random.nextInt(6)) {
      case 0 -> new String[] {"SET", key, "v" + i};
      case 1 -> new String[] {"SET", key, "v" + i, "PX", Integer.toString(1 + random.nextInt(300))};
      case 2 -> new String[] {"INCR", random.nextBoolean() ? "n" + random.nextInt(5) : key}; // fails on "v.."
      case 3 -> new String[] {"APPEND", key, "x"};
      case 4 -> new String[] {"DEL", key};
      default -> new String[] {"EXPIRE", key, Integer.toString(random.nextInt(3))};
    };
  }

  private static List<String> render(List<Reply> replies) {
    return replies.stream().map(ShardStateMachineTest::render).toList();
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
