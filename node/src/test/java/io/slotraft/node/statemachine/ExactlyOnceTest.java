package io.slotraft.node.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotraft.node.Catalogs;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.proto.SlotHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes tagged with a client sequence apply once however often their entry is retried (Raft
 * dissertation 6.3), on every replica alike, across snapshots.
 */
class ExactlyOnceTest {
  static final long T0 = 1_700_000_000_000L;
  static final long CLIENT = 0x5eed_cafe_f00dL;

  /** INCR counter, client 0x5eedcafef00d sequence 3 first unanswered 2, leader time T0, seed 42. */
  static final String INCR_V4 = "08041080d095ffbc31182a521e0a04494e43521207636f756e7465721a0d090df0fecaed5e000010031802";

  private final ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
  private long index;
  private long timeMs = T0;

  private Reply write(ClientSequence client, String... argv) {
    LoggedCommand command = new LoggedCommand(argv(argv), client);
    return sm.apply(++index, 1, ByteBuffer.wrap(EntryCodec.command(timeMs, 7, command))).get(0);
  }

  private static List<byte[]> argv(String... words) {
    return Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private String get(ShardStateMachine machine, String key) {
    var entry = machine.keyspace().lookup(key.getBytes(StandardCharsets.UTF_8), timeMs);
    return entry == null ? null : new String(((StringValue) entry.value()).bytes(), StandardCharsets.UTF_8);
  }

  private static ClientSequence seq(long sequence, long firstUnanswered) {
    return new ClientSequence(CLIENT, sequence, firstUnanswered);
  }

  @Test
  void aRetriedWriteIsAppliedOnceAndGetsItsFirstReply() {
    assertEquals(new Reply.Int(1), write(seq(1, 1), "INCR", "counter"));
    assertEquals(new Reply.Int(1), write(seq(1, 1), "INCR", "counter"), "the retry's answer is the first one");
    assertEquals("1", get(sm, "counter"));
    assertEquals(new Reply.Int(2), write(seq(2, 1), "INCR", "counter"), "a new sequence runs");
  }

  @Test
  void writesWithoutASequenceAreNotDeduplicated() {
    write(null, "INCR", "counter");
    write(null, "INCR", "counter");
    assertEquals("2", get(sm, "counter"));
  }

  @Test
  void clientsAreToldApart() {
    write(new ClientSequence(1, 1, 1), "INCR", "counter");
    write(new ClientSequence(2, 1, 1), "INCR", "counter");
    assertEquals("2", get(sm, "counter"));
  }

  @Test
  void anErrorReplyIsRememberedToo() {
    write(null, "LPUSH", "list", "x");
    Reply first = write(seq(1, 1), "INCR", "list");
    assertEquals(first, write(seq(1, 1), "INCR", "list"));
  }

  @Test
  void repliesBelowTheFirstUnansweredAreForgottenAndAStrayDuplicateOfOneIsRefused() {
    write(seq(1, 1), "INCR", "counter");
    write(seq(2, 2), "INCR", "counter"); // the client has the answer to 1
    assertEquals(ClientSessions.ALREADY_ANSWERED, write(seq(1, 1), "INCR", "counter"));
    assertEquals("2", get(sm, "counter"), "the stray duplicate did not run");
  }

  @Test
  void outOfOrderSequencesInFlightTogetherEachApplyOnce() {
    // Async clients have several writes in flight; their entries may reach the log in any order.
    write(seq(3, 1), "INCR", "counter");
    write(seq(1, 1), "INCR", "counter");
    write(seq(2, 1), "INCR", "counter");
    write(seq(3, 1), "INCR", "counter");
    write(seq(1, 1), "INCR", "counter");
    assertEquals("3", get(sm, "counter"));
  }

  @Test
  void inABatchEachTaggedCommandIsCheckedOnItsOwn() {
    List<LoggedCommand> commands = List.of(new LoggedCommand(argv("INCR", "counter"), seq(1, 1)),
        new LoggedCommand(argv("INCR", "counter"), seq(1, 1)), LoggedCommand.of(argv("INCR", "counter")));
    List<Reply> replies = sm.apply(++index, 1, ByteBuffer.wrap(EntryCodec.commandBatch(timeMs, 5, commands)));
    assertEquals(List.of(new Reply.Int(1), new Reply.Int(1), new Reply.Int(2)), replies);
  }

  @Test
  void aSessionIdleForAnHourIsForgotten() {
    write(seq(1, 1), "INCR", "counter");
    timeMs += ClientSessions.IDLE_EXPIRY_MS + 1;
    write(new ClientSequence(99, 1, 1), "SET", "other", "x"); // any tagged write moves the clock of sessions
    assertEquals(1, sm.clientSessions().size(), "only the active session is kept");
  }

  @Test
  void aSessionKeepsABoundedNumberOfReplies() {
    for (int i = 1; i <= ClientSessions.MAX_REPLIES_PER_CLIENT + 10; i++) {
      write(seq(i, 1), "INCR", "counter"); // a client that never acknowledges
    }
    assertEquals(ClientSessions.MAX_REPLIES_PER_CLIENT,
        sm.clientSessions().export().get(0).replies().size());
  }

  @Test
  void sessionsTravelInSnapshotsSoAReplicaLoadedFromOneAnswersRetriesAlike(@TempDir Path dir) throws Exception {
    write(seq(1, 1), "INCR", "counter");
    write(seq(2, 1), "ZADD", "z", "1", "a", "2", "b");
    var store = new SstSnapshotStore();
    store.capture(sm, new ShardId("s1", 0, SlotHash.SLOT_COUNT - 1)).writeTo(dir);
    ShardStateMachine loaded = new ShardStateMachine(Catalogs.keyspaceOnly());
    store.load(dir, loaded);

    Reply retried = loaded.apply(++index, 1,
        ByteBuffer.wrap(EntryCodec.command(timeMs, 7, new LoggedCommand(argv("INCR", "counter"), seq(1, 1))))).get(0);
    assertEquals(new Reply.Int(1), retried);
    assertEquals("1", get(loaded, "counter"), "not applied again on the loaded replica");
    assertEquals(1, loaded.clientSessions().size());
  }

  @Test
  void anEntryWithAClientSequenceIsFormatVersion4ByteForByte() {
    byte[] written = EntryCodec.command(T0, 42, new LoggedCommand(argv("INCR", "counter"), seq(3, 2)));
    assertEquals(INCR_V4, HexFormat.of().formatHex(written));
    assertEquals(new Reply.Int(1), sm.apply(1, 1, ByteBuffer.wrap(HexFormat.of().parseHex(INCR_V4))).get(0));
  }

  @Test
  void impossibleSequencesAreRefusedBeforeTheyReachTheLog() {
    assertThrows(IllegalArgumentException.class, () -> new ClientSequence(CLIENT, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ClientSequence(CLIENT, 3, 4));
  }
}
