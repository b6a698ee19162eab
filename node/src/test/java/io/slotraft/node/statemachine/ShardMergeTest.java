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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.MergeBody;
import io.slotraft.proto.v1.MergePhase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A merge without Raft: a split's two halves merged back. The source's PREPARE freezes it (every
 * command refused, nothing remembered), a ROLLBACK lets it go, and the target's COMMIT takes in the
 * source's frozen state with everything replicated about its keys (values of every type, expiry,
 * client sessions; WATCH versions and slot delete indexes re-stamped in the target's log) and owns
 * both ranges; freezes and merges survive
 * snapshots, and a step proposed again changes nothing.
 */
class ShardMergeTest {
  private static final int SPLIT_SLOT = 8192;
  private static final long SPLIT = 70;
  private static final long MERGE = 77;
  private static final String LOW = keyInSlots("low", 0, SPLIT_SLOT - 1);
  private static final String HIGH = keyInSlots("high", SPLIT_SLOT, SlotHash.SLOT_COUNT - 1);

  /** The target: the lower half, after the split. */
  private final ShardStateMachine target = new ShardStateMachine(CATALOG);
  /** The source: the upper half the split carved. */
  private ShardStateMachine source;
  private long index;

  @TempDir
  Path snapshots;

  @BeforeEach
  void splitInTwo() {
    target.apply(++index, 3, ByteBuffer.wrap(EntryCodec.split(T0, SPLIT_SLOT, "s2", SPLIT, List.of())));
    source = target.takeCarved().orElseThrow().state();
    source.attachMergeSources((id, operation, at) -> {
      throw new IllegalStateException("the source takes nothing in");
    });
    target.attachMergeSources((id, operation, at) -> source.handOverFrozen(operation, at)
        .orElseThrow(() -> new IllegalStateException("no frozen " + id + " here")));
  }

  private Reply write(ShardStateMachine shard, ClientSequence client, List<String> argv) {
    return ReshapeFixtures.write(shard, ++index, client, argv);
  }

  private Reply write(ShardStateMachine shard, String... argv) {
    return write(shard, null, List.of(argv));
  }

  private Reply step(ShardStateMachine shard, MergeBody.Builder body) {
    return shard.apply(++index, 3, ByteBuffer.wrap(EntryCodec.merge(T0, body.setOperationId(MERGE).build()))).get(0);
  }

  private Reply prepare() {
    return step(source, MergeBody.newBuilder().setPhase(MergePhase.MERGE_PREPARE).setTargetShardId("s1"));
  }

  private Reply commit(long preparedAt) {
    return step(target, MergeBody.newBuilder().setPhase(MergePhase.MERGE_COMMIT).setSourceShardId("s2")
        .setSourceIndex(preparedAt).setSourceSlotStart(SPLIT_SLOT).setSourceSlotEnd(SlotHash.SLOT_COUNT - 1));
  }

  private Reply rollBack() {
    return step(source, MergeBody.newBuilder().setPhase(MergePhase.MERGE_ROLLBACK));
  }

  private long prepared() {
    return ((Reply.Int) prepare()).value();
  }

  @ParameterizedTest
  @MethodSource("io.slotraft.node.statemachine.ReshapeFixtures#everyType")
  void theTargetTakesInTheSourcesKeysWithTheirValuesExpiryAndVersions(ReshapeFixtures.Case type) {
    write(target, null, with(type.write(), LOW));
    write(source, null, with(type.write(), HIGH));
    String lowBefore = resp(read(target, with(type.read(), LOW)));
    String highBefore = resp(read(source, with(type.read(), HIGH)));
    long highVersion = source.keyspace().lookup(HIGH.getBytes(StandardCharsets.UTF_8), T0).version();
    int expiring = target.keyspace().expiringKeyCount() + source.keyspace().expiringKeyCount();

    long commitIndex = index + 2;
    assertEquals(new Reply.Int(commitIndex), commit(prepared()));

    assertEquals(lowBefore, resp(read(target, with(type.read(), LOW))));
    assertEquals(highBefore, resp(read(target, with(type.read(), HIGH))));
    assertEquals(2, target.keyspace().size());
    assertEquals(commitIndex, target.keyspace().lookup(HIGH.getBytes(StandardCharsets.UTF_8), T0).version(),
        "WATCH versions of the source's log are re-stamped with the COMMIT's index in the target's");
    assertTrue(highVersion > 0);
    assertEquals(expiring, target.keyspace().expiringKeyCount(), "every expiring key is in the target's expiry index");
    assertEquals(1, target.keyspace().keysInSlot(slotOf(HIGH), 10, T0).size());
    assertEquals(0, source.keyspace().size(), "the source handed its keyspace over");
  }

  @Test
  void theTargetOwnsBothRangesFromItsCommitAndRecordsIt() {
    write(source, "SET", HIGH, "1");
    long preparedAt = prepared();
    long commitIndex = index + 1;
    commit(preparedAt);
    assertEquals(0, target.slotStart());
    assertEquals(SlotHash.SLOT_COUNT - 1, target.slotEnd());
    assertEquals(new ShardStateMachine.MergeRecord(MERGE, "s2", commitIndex), target.lastMerge().orElseThrow());
    assertEquals(new Reply.Int(2), write(target, "INCR", HIGH), "the source's slots are served");
  }

  @Test
  void aFrozenSourceRefusesEveryCommandAndRemembersNoneUntilItIsLetGo() {
    write(source, "SET", HIGH, "1");
    prepared();
    ClientSequence late = new ClientSequence(9, 1, 1);
    RoutingReply.TryAgain refused = assertInstanceOf(RoutingReply.TryAgain.class, write(source, late,
        List.of("INCR", HIGH)));
    assertTrue(refused.reshaping());
    assertEquals(slotOf(HIGH), refused.slot());
    assertInstanceOf(RoutingReply.TryAgain.class, read(source, List.of("GET", HIGH)));
    assertInstanceOf(RoutingReply.TryAgain.class, write(source, "FLUSHALL"), "keyless writes too");
    Reply transaction = source.apply(++index, 3, ByteBuffer.wrap(EntryCodec.transaction(T0, 1,
        List.of(bytes(List.of("INCR", HIGH))), List.of()))).get(0);
    assertInstanceOf(RoutingReply.TryAgain.class, transaction);
    Reply expired = source.apply(++index, 3, ByteBuffer.wrap(EntryCodec.expireKeys(T0 + 10_000_000,
        List.of(HIGH.getBytes(StandardCharsets.UTF_8))))).get(0);
    assertEquals(new Reply.Int(0), expired, "a frozen state does not change, not even by expiry");

    assertEquals(Replies.OK, rollBack());
    assertEquals(new Reply.Int(2), write(source, late, List.of("INCR", HIGH)),
        "let go, it serves again, and the refused write was never remembered as run");
    assertInstanceOf(Reply.Error.class, prepare(), "a late PREPARE of a merge rolled back here is refused");
    assertTrue(source.mergeFreeze().isEmpty());
  }

  @Test
  void stepsProposedAgainAnswerTheFirstIndexAndChangeNothing() {
    write(source, "SET", HIGH, "1");
    long preparedAt = prepared();
    assertEquals(new Reply.Int(preparedAt), prepare());
    long commitIndex = ((Reply.Int) commit(preparedAt)).value();
    assertEquals(new Reply.Int(commitIndex), commit(preparedAt), "the source is not taken in twice");
    assertEquals(1, target.keyspace().size());
  }

  @Test
  void aCommitIsRefusedForSlotsThatAreNotNeighboursAndStopsTheReplicaWithoutTheSourcesState() {
    write(target, "SET", LOW, "1");
    Reply apart = step(target, MergeBody.newBuilder().setPhase(MergePhase.MERGE_COMMIT).setSourceShardId("s2")
        .setSourceIndex(5).setSourceSlotStart(SPLIT_SLOT + 10).setSourceSlotEnd(SlotHash.SLOT_COUNT - 1));
    assertInstanceOf(Reply.Error.class, apart);
    assertEquals(SPLIT_SLOT - 1, target.slotEnd(), "nothing changed");
    assertThrows(IllegalStateException.class, () -> commit(42), "the source is not frozen here: no state to take");
    assertEquals(SPLIT_SLOT - 1, target.slotEnd());
    assertEquals(1, target.keyspace().size());
  }

  @Test
  void aClientsRetriedWriteToTheSourceIsAnsweredOnceByTheTarget() {
    ClientSequence lowWrite = new ClientSequence(5, 1, 1);
    ClientSequence highWrite = new ClientSequence(5, 2, 1);
    assertEquals(new Reply.Int(1), write(target, lowWrite, List.of("INCR", LOW)));
    assertEquals(new Reply.Int(1), write(source, highWrite, List.of("INCR", HIGH)));
    commit(prepared());

    assertEquals(new Reply.Int(1), write(target, highWrite, List.of("INCR", HIGH)), "the retry gets its first reply");
    assertEquals(new Reply.Int(1), write(target, lowWrite, List.of("INCR", LOW)));
    assertEquals(new Reply.Int(2), write(target, new ClientSequence(5, 3, 3), List.of("INCR", HIGH)));
  }

  @Test
  void aWatchOnTheTargetAfterTheCommitSeesTheSourcesKeysChangedAtTheCommitOnly() {
    write(source, "SET", HIGH, "1");
    write(source, "DEL", HIGH);
    write(source, "SET", HIGH, "2");
    // Drive the source's log far past the target's, as two groups' indexes drift apart.
    for (int i = 0; i < 20; i++) {
      write(source, "INCR", HIGH + "n");
    }
    long commitIndex = ((Reply.Int) commit(prepared())).value();
    byte[] high = HIGH.getBytes(StandardCharsets.UTF_8);
    assertEquals(commitIndex, target.keyspace().slotDeleteIndex(slotOf(HIGH)));
    assertTrue(target.keyspace().changedSince(high, commitIndex - 1, T0, T0), "changed by the COMMIT itself");
    assertFalse(target.keyspace().changedSince(high, commitIndex, T0, T0),
        "a WATCH taken on the target after the COMMIT does not abort for the source's older changes");
    byte[] absent = (HIGH + "absent").getBytes(StandardCharsets.UTF_8);
    assertFalse(target.keyspace().changedSince(absent, commitIndex, T0, T0));
  }

  @Test
  void freezesAndMergesSurviveSnapshotsAndAFrozenSourceReadFromDiskIsTakenIn() throws Exception {
    write(source, "SET", HIGH, "high");
    write(target, "SET", LOW, "low");
    long preparedAt = prepared();
    SstSnapshotStore store = new SstSnapshotStore();
    store.capture(source, new ShardId("s2", SPLIT_SLOT, SlotHash.SLOT_COUNT - 1)).writeTo(snapshots.resolve("source"));
    ShardStateMachine fromDisk = new ShardStateMachine(CATALOG, 0, 0);
    store.load(snapshots.resolve("source"), fromDisk);
    assertEquals(source.mergeFreeze(), fromDisk.mergeFreeze());
    assertInstanceOf(RoutingReply.TryAgain.class, read(fromDisk, List.of("GET", HIGH)), "still frozen");

    target.attachMergeSources((id, operation, at) -> fromDisk.frozenState(operation).orElseThrow());
    commit(preparedAt);
    assertEquals(resp(new Reply.Bulk("high".getBytes(StandardCharsets.UTF_8))), resp(read(target, List.of("GET", HIGH))));

    store.capture(target, new ShardId("s1", 0, SlotHash.SLOT_COUNT - 1)).writeTo(snapshots.resolve("target"));
    ShardStateMachine targetLoaded = new ShardStateMachine(CATALOG, 0, 0);
    store.load(snapshots.resolve("target"), targetLoaded);
    assertEquals(target.lastMerge(), targetLoaded.lastMerge());
    assertEquals(SlotHash.SLOT_COUNT - 1, targetLoaded.slotEnd());
    assertEquals(2, targetLoaded.keyspace().size());

    rollBack(); // too late to matter for the target; the source only records it
    store.capture(source, new ShardId("s2", SPLIT_SLOT, SlotHash.SLOT_COUNT - 1)).writeTo(snapshots.resolve("released"));
    ShardStateMachine released = new ShardStateMachine(CATALOG, 0, 0);
    store.load(snapshots.resolve("released"), released);
    assertEquals(MERGE, released.reshapes().mergeReleased());
  }

}
