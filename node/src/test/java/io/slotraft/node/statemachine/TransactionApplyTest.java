package io.slotraft.node.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Catalogs;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.proto.SlotHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXEC's log entry on the state machine alone: all of it or none of it, and WATCH decided from
 * replicated state only, so a replica loaded from a snapshot decides exactly as one that replayed
 * the log.
 */
class TransactionApplyTest {
  static final long T0 = 1_700_000_000_000L;

  /** A state machine fed entries at consecutive indexes, as Raft would. */
  static final class Replica {
    final ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    long index;
    long timeMs = T0;

    Reply write(String... argv) {
      return sm.apply(++index, 1, ByteBuffer.wrap(EntryCodec.command(timeMs, 7, argv(argv)))).get(0);
    }

    Reply exec(List<KeyWatch> watches, String[]... commands) {
      List<List<byte[]>> argvs = Arrays.stream(commands).map(TransactionApplyTest::argv).toList();
      return sm.apply(++index, 1, ByteBuffer.wrap(EntryCodec.transaction(timeMs, 9, argvs, watches))).get(0);
    }

    /** WATCH as the leader records it: the applied index and the read clock now. */
    KeyWatch watch(String key) {
      return new KeyWatch(bytes(key), sm.appliedIndex(), sm.readTime(timeMs));
    }

    String get(String key) {
      var entry = sm.keyspace().lookup(bytes(key), sm.readTime(timeMs));
      return entry == null ? null : new String(((StringValue) entry.value()).bytes(), StandardCharsets.UTF_8);
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<byte[]> argv(String... words) {
    return Arrays.stream(words).map(TransactionApplyTest::bytes).toList();
  }

  static String[] cmd(String... words) {
    return words;
  }

  @Test
  void commandsRunInOrderAndAnswerOneArray() {
    Replica r = new Replica();
    Reply reply = r.exec(List.of(), cmd("SET", "{t}a", "1"), cmd("INCR", "{t}a"), cmd("GET", "{t}a"));
    Reply.Array array = assertInstanceOf(Reply.Array.class, reply);
    assertEquals(List.of(new Reply.Simple("OK"), new Reply.Int(2)), array.items().subList(0, 2));
    assertEquals("2", new String(((Reply.Bulk) array.items().get(2)).value(), StandardCharsets.UTF_8),
        "a read inside the transaction sees the writes queued before it");
  }

  @Test
  void aRunTimeErrorIsThatCommandsReplyAndTheOthersStillRun() {
    Replica r = new Replica();
    r.write("LPUSH", "{t}list", "x");
    Reply.Array array = assertInstanceOf(Reply.Array.class,
        r.exec(List.of(), cmd("SET", "{t}a", "1"), cmd("INCR", "{t}list"), cmd("SET", "{t}b", "2")));
    assertInstanceOf(Reply.Error.class, array.items().get(1));
    assertEquals("1", r.get("{t}a"));
    assertEquals("2", r.get("{t}b"));
  }

  @Test
  void aBlockingPopInsideATransactionDoesNotBlockButAnswersAsIfTimedOut() {
    Replica r = new Replica();
    Reply.Array array = assertInstanceOf(Reply.Array.class,
        r.exec(List.of(), cmd("BLPOP", "{q}empty", "0"), cmd("RPUSH", "{q}full", "x"), cmd("BLPOP", "{q}full", "0")));
    assertEquals(Reply.Nil.ARRAY, array.items().get(0), "nothing to pop: nil at once, as Redis answers in MULTI");
    assertEquals(2, ((Reply.Array) array.items().get(2)).items().size(), "key and element");
  }

  @Test
  void anUntouchedWatchLetsTheTransactionRun() {
    Replica r = new Replica();
    r.write("SET", "k", "1");
    KeyWatch watch = r.watch("k");
    r.write("SET", "other", "x");
    assertInstanceOf(Reply.Array.class, r.exec(List.of(watch), cmd("SET", "k", "2")));
    assertEquals("2", r.get("k"));
  }

  @Test
  void aWriteToAWatchedKeyAbortsEverything() {
    Replica r = new Replica();
    r.write("SET", "k", "1");
    KeyWatch watch = r.watch("k");
    r.write("SET", "k", "1"); // the same value still counts, as in Redis
    assertEquals(Reply.Nil.ARRAY, r.exec(List.of(watch), cmd("SET", "k", "2"), cmd("SET", "k2", "x")));
    assertEquals("1", r.get("k"));
    assertNull(r.get("k2"), "nothing of an aborted transaction runs");
  }

  @Test
  void everyKindOfChangeCountsAsAChange() {
    String[][] changes = {
        {"DEL", "k"}, {"EXPIRE", "k", "100"}, {"APPEND", "k", "x"}, {"INCR", "k"}, {"RENAME", "k", "k9"},
        {"SETRANGE", "k", "0", "9"}};
    for (String[] change : changes) {
      Replica r = new Replica();
      r.write("SET", "k", "1");
      KeyWatch watch = r.watch("k");
      r.write(change);
      assertEquals(Reply.Nil.ARRAY, r.exec(List.of(watch), cmd("SET", "k", "2")), String.join(" ", change));
    }
  }

  @Test
  void changesToCollectionsInPlaceCount() {
    String[][] changes = {{"RPUSH", "l", "y"}, {"LPOP", "l"}, {"LSET", "l", "0", "z"}};
    for (String[] change : changes) {
      Replica r = new Replica();
      r.write("RPUSH", "l", "x");
      KeyWatch watch = r.watch("l");
      r.write(change);
      assertEquals(Reply.Nil.ARRAY, r.exec(List.of(watch), cmd("SET", "k", "2")), String.join(" ", change));
    }
  }

  @Test
  void aWatchedAbsentKeyThatIsCreatedAborts() {
    Replica r = new Replica();
    KeyWatch watch = r.watch("lock");
    r.write("SET", "lock", "owner-b");
    assertEquals(Reply.Nil.ARRAY, r.exec(List.of(watch), cmd("SET", "lock", "owner-a")));
    assertEquals("owner-b", r.get("lock"));
  }

  @Test
  void aWatchedAbsentKeyStaysFreeWhenOnlyOtherSlotsChange() {
    Replica r = new Replica();
    r.write("SET", "elsewhere", "1");
    assertTrue(SlotHash.slot(bytes("elsewhere")) != SlotHash.slot(bytes("lock")));
    KeyWatch watch = r.watch("lock");
    r.write("DEL", "elsewhere");
    assertInstanceOf(Reply.Array.class, r.exec(List.of(watch), cmd("SET", "lock", "owner-a")));
  }

  @Test
  void aDeleteInTheWatchedKeysSlotAbortsAnAbsentKeysWatch() {
    // Deleted keys leave no version behind; a delete in the slot since the watch may have been this
    // key (created and deleted in between), so the answer errs on the side of aborting.
    Replica r = new Replica();
    r.write("SET", "{s}other", "1");
    KeyWatch watch = r.watch("{s}lock");
    r.write("DEL", "{s}other");
    assertEquals(Reply.Nil.ARRAY, r.exec(List.of(watch), cmd("SET", "{s}lock", "a")));
  }

  @Test
  void aKeyThatExpiresBetweenWatchAndExecCountsAsChanged() {
    Replica r = new Replica();
    r.write("SET", "k", "1", "PX", "1000");
    KeyWatch watch = r.watch("k");
    r.timeMs += 2000;
    assertEquals(Reply.Nil.ARRAY, r.exec(List.of(watch), cmd("SET", "k", "2")));
  }

  @Test
  void aKeyAlreadyExpiredWhenWatchedIsAbsentBothTimes() {
    Replica r = new Replica();
    r.write("SET", "k", "1", "PX", "1000");
    r.timeMs += 2000;
    KeyWatch watch = r.watch("k");
    assertInstanceOf(Reply.Array.class, r.exec(List.of(watch), cmd("SET", "k", "2")));
    assertEquals("2", r.get("k"));
  }

  @Test
  void flushallAbortsEveryWatch() {
    Replica r = new Replica();
    KeyWatch absent = r.watch("nothing-here");
    r.write("FLUSHALL");
    assertEquals(Reply.Nil.ARRAY, r.exec(List.of(absent), cmd("SET", "k", "2")));
  }

  @Test
  void aTransactionsOwnWritesDoNotAbortTheNextOneWatchingFromAfterIt() {
    Replica r = new Replica();
    r.exec(List.of(), cmd("SET", "k", "1"));
    KeyWatch watch = r.watch("k");
    assertInstanceOf(Reply.Array.class, r.exec(List.of(watch), cmd("INCR", "k")));
    assertEquals("2", r.get("k"));
  }

  /**
   * Versions and slot delete indexes are replicated state: a replica loaded from a snapshot taken
   * mid-way must decide every later WATCH exactly as the replica that applied the whole log.
   */
  @Test
  void aReplicaLoadedFromASnapshotDecidesWatchesAlike(@TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(2026);
    Replica leader = new Replica();
    List<KeyWatch> watches = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      randomWrite(leader, random);
      if (i % 7 == 0) {
        watches.add(leader.watch(key(random)));
      }
    }
    var store = new SstSnapshotStore();
    store.capture(leader.sm, new ShardId("s1", 0, SlotHash.SLOT_COUNT - 1)).writeTo(dir);
    Replica loaded = new Replica();
    store.load(dir, loaded.sm);
    loaded.index = leader.index;
    loaded.timeMs = leader.timeMs;

    int aborted = 0;
    for (int i = 0; i < 300; i++) {
      long seed = random.nextLong();
      randomWrite(leader, new SplittableRandom(seed));
      randomWrite(loaded, new SplittableRandom(seed));
      KeyWatch watch = watches.get(random.nextInt(watches.size()));
      String key = new String(watch.key(), StandardCharsets.UTF_8);
      Reply onLeader = leader.exec(List.of(watch), cmd("SET", key, "t" + i));
      Reply onLoaded = loaded.exec(List.of(watch), cmd("SET", key, "t" + i));
      assertEquals(onLeader.getClass(), onLoaded.getClass(), "decision of transaction " + i + " on " + key);
      aborted += onLeader == Reply.Nil.ARRAY ? 1 : 0;
    }
    assertTrue(aborted > 0 && aborted < 300, "the workload exercises both outcomes: " + aborted + " aborted");
  }

  private static String key(SplittableRandom random) {
    return "k" + random.nextInt(40);
  }

  private static void randomWrite(Replica r, SplittableRandom random) {
    r.timeMs += random.nextInt(50);
    String key = key(random);
    switch (random.nextInt(5)) {
      case 0 -> r.write("DEL", key);
      case 1 -> r.write("SET", key, "v", "PX", Integer.toString(1 + random.nextInt(3000)));
      case 2 -> r.write("RPUSH", "l" + key, "x");
      default -> r.write("SET", key, "v" + random.nextInt(3));
    }
  }
}
