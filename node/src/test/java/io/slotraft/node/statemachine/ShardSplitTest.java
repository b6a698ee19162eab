package io.slotraft.node.statemachine;

import static io.slotraft.node.statemachine.ReshapeFixtures.CATALOG;
import static io.slotraft.node.statemachine.ReshapeFixtures.T0;
import static io.slotraft.node.statemachine.ReshapeFixtures.bytes;
import static io.slotraft.node.statemachine.ReshapeFixtures.keyInSlots;
import static io.slotraft.node.statemachine.ReshapeFixtures.read;
import static io.slotraft.node.statemachine.ReshapeFixtures.resp;
import static io.slotraft.node.statemachine.ReshapeFixtures.slotOf;
import static io.slotraft.node.statemachine.ReshapeFixtures.with;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.proto.SlotHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A split's carve, without Raft: at the split entry the keys of the split slot and above leave the
 * shard with everything replicated about them (values of every type, expiry, versions, slot delete
 * indexes) and a copy of the client sessions, and become the new shard's state at that index; the
 * old shard refuses their slots from then on, and both survive a snapshot.
 */
class ShardSplitTest {
  private static final int SPLIT_SLOT = 8192;
  private static final long OPERATION = 77;
  private static final List<String> VOTERS = List.of("127.0.0.1:7201", "127.0.0.1:7202", "127.0.0.1:7203");

  private final ShardStateMachine parent = new ShardStateMachine(CATALOG);
  private long index;

  @TempDir
  Path snapshots;

  /** A key of the lower half and one of the upper half, by hash tag. */
  private static final String LOW = keyInSlots("low", 0, SPLIT_SLOT - 1);
  private static final String HIGH = keyInSlots("high", SPLIT_SLOT, SlotHash.SLOT_COUNT - 1);

  private Reply write(ShardStateMachine target, ClientSequence client, List<String> argv) {
    return ReshapeFixtures.write(target, ++index, client, argv);
  }

  private Reply write(ShardStateMachine target, String... argv) {
    return write(target, null, List.of(argv));
  }

  private Reply split(int slot, long operation) {
    return parent.apply(++index, 3, ByteBuffer.wrap(EntryCodec.split(T0, slot, "s9", operation, VOTERS))).get(0);
  }

  @ParameterizedTest
  @MethodSource("io.slotraft.node.statemachine.ReshapeFixtures#everyType")
  void theUpperKeysMoveWithTheirValuesExpiryAndVersionsAndTheLowerOnesStay(ReshapeFixtures.Case type) {
    write(parent, null, with(type.write(), LOW));
    write(parent, null, with(type.write(), HIGH));
    String lowBefore = resp(read(parent, with(type.read(), LOW)));
    String highBefore = resp(read(parent, with(type.read(), HIGH)));
    long highVersion = parent.keyspace().lookup(HIGH.getBytes(StandardCharsets.UTF_8), T0).version();
    int expiring = parent.keyspace().expiringKeyCount();

    long splitIndex = index + 1;
    assertEquals(new Reply.Int(splitIndex), split(SPLIT_SLOT, OPERATION));
    ShardStateMachine child = parent.takeCarved().orElseThrow().state();

    assertEquals(lowBefore, resp(read(parent, with(type.read(), LOW))));
    assertEquals(highBefore, resp(read(child, with(type.read(), HIGH))));
    assertEquals(1, parent.keyspace().size());
    assertEquals(1, child.keyspace().size());
    assertEquals(highVersion, child.keyspace().lookup(HIGH.getBytes(StandardCharsets.UTF_8), T0).version(),
        "WATCH versions move with their keys");
    assertEquals(expiring, parent.keyspace().expiringKeyCount() + child.keyspace().expiringKeyCount(),
        "every expiring key is in one expiry index");
    assertEquals(List.of(), parent.keyspace().keysInSlot(slotOf(HIGH), 10, T0));
    assertEquals(1, child.keyspace().keysInSlot(slotOf(HIGH), 10, T0).size());
  }

  @Test
  void theNewShardStartsAtTheSplitEntryWithTheUpperRangeAndTheOldOneKeepsTheLower() {
    write(parent, "SET", LOW, "1");
    long splitIndex = index + 1;
    split(SPLIT_SLOT, OPERATION);
    ShardStateMachine.Carved carved = parent.takeCarved().orElseThrow();
    ShardStateMachine child = carved.state();
    assertEquals(new ShardStateMachine.SplitRecord(OPERATION, SPLIT_SLOT, "s9", splitIndex), carved.split());
    assertEquals(VOTERS, carved.voterEndpoints(), "the new group's voters, as the entry names them");
    assertEquals(0, parent.slotStart());
    assertEquals(SPLIT_SLOT - 1, parent.slotEnd());
    assertEquals(SPLIT_SLOT, child.slotStart());
    assertEquals(SlotHash.SLOT_COUNT - 1, child.slotEnd());
    assertEquals(splitIndex, child.appliedIndex());
    assertEquals(ShardStateMachine.SEED_TERM, child.appliedTerm());
    assertEquals(parent.clockMs(), child.clockMs());
    assertTrue(parent.takeCarved().isEmpty(), "the carve is taken once");
  }

  @Test
  void theOldShardRefusesTheGivenAwaySlotsWithoutRunningAnything() {
    write(parent, "SET", HIGH, "1");
    split(SPLIT_SLOT, OPERATION);
    ShardStateMachine child = parent.takeCarved().orElseThrow().state();

    RoutingReply.TryAgain refused = assertInstanceOf(RoutingReply.TryAgain.class, write(parent, "INCR", HIGH));
    assertTrue(refused.reshaping());
    assertEquals(slotOf(HIGH), refused.slot());
    assertInstanceOf(RoutingReply.TryAgain.class, read(parent, List.of("GET", HIGH)));
    Reply transaction = parent.apply(++index, 3, ByteBuffer.wrap(EntryCodec.transaction(T0, 1,
        List.of(bytes(List.of("INCR", HIGH))), List.of()))).get(0);
    assertInstanceOf(RoutingReply.TryAgain.class, transaction);
    assertEquals(resp(new Reply.Bulk("1".getBytes(StandardCharsets.UTF_8))), resp(read(child, List.of("GET", HIGH))),
        "nothing refused ran anywhere");
    assertEquals(new Reply.Int(1), write(parent, "INCR", LOW), "the kept slots are served");
  }

  @Test
  void aDeletionBeforeTheSplitStillAbortsAWatchOnTheNewShard() {
    write(parent, "SET", HIGH, "1");
    write(parent, "DEL", HIGH);
    long deletedAt = index;
    split(SPLIT_SLOT, OPERATION);
    ShardStateMachine child = parent.takeCarved().orElseThrow().state();
    assertEquals(deletedAt, child.keyspace().slotDeleteIndex(slotOf(HIGH)));
    assertTrue(child.keyspace().changedSince(HIGH.getBytes(StandardCharsets.UTF_8), deletedAt - 1, T0, T0));
  }

  @Test
  void bothHalvesAnswerARetriedWriteOnce() {
    ClientSequence lowWrite = new ClientSequence(5, 1, 1);
    ClientSequence highWrite = new ClientSequence(5, 2, 1);
    assertEquals(new Reply.Int(1), write(parent, lowWrite, List.of("INCR", LOW)));
    assertEquals(new Reply.Int(1), write(parent, highWrite, List.of("INCR", HIGH)));
    split(SPLIT_SLOT, OPERATION);
    ShardStateMachine child = parent.takeCarved().orElseThrow().state();

    assertEquals(new Reply.Int(1), write(child, highWrite, List.of("INCR", HIGH)), "the retry gets its first reply");
    assertEquals(new Reply.Int(1), write(parent, lowWrite, List.of("INCR", LOW)));
    assertEquals(resp(new Reply.Bulk("1".getBytes(StandardCharsets.UTF_8))), resp(read(child, List.of("GET", HIGH))));
    assertEquals(resp(new Reply.Bulk("1".getBytes(StandardCharsets.UTF_8))), resp(read(parent, List.of("GET", LOW))));
  }

  @Test
  void aRefusedWriteIsNotRememberedAsItsSessionsAnswer() {
    split(SPLIT_SLOT, OPERATION);
    ShardStateMachine child = parent.takeCarved().orElseThrow().state();
    ClientSequence late = new ClientSequence(6, 1, 1);
    assertInstanceOf(RoutingReply.TryAgain.class, write(parent, late, List.of("INCR", HIGH)));
    assertEquals(new Reply.Int(1), write(child, late, List.of("INCR", HIGH)), "it runs where the key went");
  }

  @Test
  void theSameSplitProposedAgainChangesNothingAndAnswersTheFirstIndex() {
    write(parent, "SET", HIGH, "1");
    long first = index + 1;
    split(SPLIT_SLOT, OPERATION);
    parent.takeCarved().orElseThrow();
    assertEquals(new Reply.Int(first), split(SPLIT_SLOT, OPERATION));
    assertTrue(parent.takeCarved().isEmpty());
    assertEquals(SPLIT_SLOT - 1, parent.slotEnd());
  }

  @Test
  void aSlotOutsideTheRangeIsRefusedAndChangesNothing() {
    write(parent, "SET", HIGH, "1");
    assertInstanceOf(Reply.Error.class, split(0, OPERATION));
    assertInstanceOf(Reply.Error.class, split(SlotHash.SLOT_COUNT, OPERATION + 1));
    assertTrue(parent.takeCarved().isEmpty());
    assertEquals(SlotHash.SLOT_COUNT - 1, parent.slotEnd());
    assertEquals(1, parent.keyspace().size());
  }

  @Test
  void rangesAndTheLastSplitSurviveSnapshots() throws Exception {
    write(parent, "SET", LOW, "low");
    write(parent, "SET", HIGH, "high");
    split(SPLIT_SLOT, OPERATION);
    ShardStateMachine child = parent.takeCarved().orElseThrow().state();
    SstSnapshotStore store = new SstSnapshotStore();
    ShardId id = new ShardId("s1", 0, SlotHash.SLOT_COUNT - 1);

    store.capture(parent, id).writeTo(snapshots.resolve("parent"));
    ShardStateMachine parentLoaded = new ShardStateMachine(CATALOG);
    store.load(snapshots.resolve("parent"), parentLoaded);
    assertEquals(SPLIT_SLOT - 1, parentLoaded.slotEnd());
    assertEquals(parent.lastSplit(), parentLoaded.lastSplit());
    assertInstanceOf(RoutingReply.TryAgain.class, read(parentLoaded, List.of("GET", HIGH)));

    store.capture(child, new ShardId("s9", SPLIT_SLOT, SlotHash.SLOT_COUNT - 1)).writeTo(snapshots.resolve("child"));
    ShardStateMachine childLoaded = new ShardStateMachine(CATALOG);
    store.load(snapshots.resolve("child"), childLoaded);
    assertEquals(SPLIT_SLOT, childLoaded.slotStart());
    assertEquals(child.appliedIndex(), childLoaded.appliedIndex());
    assertEquals(resp(new Reply.Bulk("high".getBytes(StandardCharsets.UTF_8))), resp(read(childLoaded, List.of("GET", HIGH))));
    assertNull(childLoaded.keyspace().lookup(LOW.getBytes(StandardCharsets.UTF_8), T0));
  }

  @Test
  void theHalvingSlotSplitsTheKeysInTwo() {
    // 30 keys in slots below 100 and 10 far above: half of 40 is reached below slot 100.
    String[] low = IntStream.range(0, 30).mapToObj(i -> keyInSlots("a" + i, 0, 99)).toArray(String[]::new);
    for (String key : low) {
      write(parent, "SET", key, "x");
    }
    for (int i = 0; i < 10; i++) {
      write(parent, "SET", keyInSlots("b" + i, 10_000, 16_000), "x");
    }
    int at = parent.halvingSlot();
    assertTrue(at > 0 && at <= 100, "halving slot " + at);
    long below = Arrays.stream(low).filter(key -> slotOf(key) < at).count();
    assertTrue(below >= 20, below + " of 40 keys below slot " + at);
    assertEquals(SlotHash.SLOT_COUNT / 2, new ShardStateMachine(CATALOG).halvingSlot(), "an empty shard halves its range");
    assertEquals(6, new ShardStateMachine(CATALOG, 5, 6).halvingSlot(), "each half keeps a slot");
  }

}
