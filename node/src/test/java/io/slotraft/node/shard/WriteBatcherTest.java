package io.slotraft.node.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.raft.ProposalException;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import io.slotraft.node.statemachine.LoggedCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The batcher's own rules, with a proposer the test completes by hand: no Raft, no threads unless said. */
class WriteBatcherTest {

  /** Records each proposed entry and leaves it in flight until the test completes it. */
  private static final class FakeRaft implements WriteBatcher.EntryProposer {
    final List<List<String>> entries = new ArrayList<>();
    final List<CompletableFuture<List<Reply>>> pending = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<List<Reply>> propose(List<LoggedCommand> commands) {
      entries.add(commands.stream().map(command -> new String(command.argv().get(1), StandardCharsets.UTF_8)).toList());
      CompletableFuture<List<Reply>> result = new CompletableFuture<>();
      pending.add(result);
      return result;
    }

    /** Applies entry {@code i}: each command answers its own key. */
    void apply(int i) {
      List<Reply> replies = entries.get(i).stream().map(Replies::bulk).collect(Collectors.toList());
      pending.get(i).complete(replies);
    }

    void fail(int i, ProposalException.Kind kind) {
      pending.get(i).completeExceptionally(new ProposalException(kind, "entry " + i + " failed"));
    }
  }

  private static WriteBatcher batcher(FakeRaft raft, int entriesInFlight, int maxWrites, int batchCommands) {
    return new WriteBatcher(raft, new WriteBatcher.Limits(entriesInFlight, 1, maxWrites, batchCommands, 1 << 20));
  }

  private static LoggedCommand set(String key) {
    return LoggedCommand.of(List.of("SET".getBytes(), key.getBytes(), "v".getBytes()));
  }

  @Test
  void belowTheLimitEachWriteIsProposedAtOnceAlone() {
    FakeRaft raft = new FakeRaft();
    WriteBatcher batcher = batcher(raft, 2, 100, 256);
    batcher.submit(set("a"));
    batcher.submit(set("b"));
    assertEquals(List.of(List.of("a"), List.of("b")), raft.entries, "no waiting while the pipeline has room");
    batcher.submit(set("c"));
    assertEquals(2, raft.entries.size(), "the third write waits for an entry to complete");
  }

  @Test
  void aSecondEntryOpensWhileOneIsInFlightOnlyOnceEnoughWritesWait() {
    FakeRaft raft = new FakeRaft();
    WriteBatcher batcher = new WriteBatcher(raft, new WriteBatcher.Limits(2, 3, 100, 256, 1 << 20));
    batcher.submit(set("a"));
    assertEquals(List.of(List.of("a")), raft.entries, "nothing in flight: at once, alone");
    batcher.submit(set("b"));
    batcher.submit(set("c"));
    assertEquals(1, raft.entries.size(), "two waiting are not worth a second entry");
    batcher.submit(set("d"));
    assertEquals(List.of(List.of("a"), List.of("b", "c", "d")), raft.entries, "three are");
    batcher.submit(set("e"));
    raft.apply(0);
    assertEquals(2, raft.entries.size(), "one waiting still is not worth an entry beside the one in flight");
    raft.apply(1);
    assertEquals(List.of(List.of("a"), List.of("b", "c", "d"), List.of("e")), raft.entries,
        "with nothing in flight, what waits goes, however little");
  }

  @Test
  void writesQueuedAtTheLimitGoOutAsOneEntryInSubmissionOrder() throws Exception {
    FakeRaft raft = new FakeRaft();
    WriteBatcher batcher = batcher(raft, 1, 100, 256);
    CompletableFuture<Reply> a = batcher.submit(set("a"));
    CompletableFuture<Reply> b = batcher.submit(set("b"));
    CompletableFuture<Reply> c = batcher.submit(set("c"));
    CompletableFuture<Reply> d = batcher.submit(set("d"));
    raft.apply(0);
    assertEquals(List.of(List.of("a"), List.of("b", "c", "d")), raft.entries);
    assertTrue(a.isDone());
    assertFalse(b.isDone(), "answered only when its own entry is applied");
    raft.apply(1);
    assertEquals(List.of("a", "b", "c", "d"), List.of(text(a), text(b), text(c), text(d)), "each gets its own reply");
  }

  @Test
  void batchesAreCappedByCommandsAndBytes() {
    FakeRaft raft = new FakeRaft();
    WriteBatcher byCount = batcher(raft, 1, 100, 2);
    for (String key : List.of("a", "b", "c", "d", "e", "f")) {
      byCount.submit(set(key));
    }
    raft.apply(0);
    raft.apply(1);
    raft.apply(2);
    assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d", "e"), List.of("f")), raft.entries);

    FakeRaft bytesRaft = new FakeRaft();
    WriteBatcher byBytes = new WriteBatcher(bytesRaft, new WriteBatcher.Limits(1, 1, 100, 256, 100));
    byBytes.submit(set("first"));
    byBytes.submit(LoggedCommand.of(List.of("SET".getBytes(), "big".getBytes(), new byte[150])));
    byBytes.submit(set("x"));
    byBytes.submit(set("y"));
    bytesRaft.apply(0);
    bytesRaft.apply(1);
    assertEquals(List.of(List.of("first"), List.of("big"), List.of("x", "y")), bytesRaft.entries,
        "a write over the cap still goes, alone");
  }

  /** An entry of its own (a transaction) keeps its place in line and never shares an entry. */
  @Test
  void anEntryOfItsOwnGoesAloneInItsTurn() throws Exception {
    FakeRaft raft = new FakeRaft();
    WriteBatcher batcher = batcher(raft, 1, 100, 256);
    batcher.submit(set("a"));
    batcher.submit(set("b"));
    CompletableFuture<Reply> exec = batcher.submitAlone(() -> raft.propose(List.of(set("EXEC"))).thenApply(r -> r.get(0)));
    batcher.submit(set("c"));
    batcher.submit(set("d"));
    raft.apply(0);
    assertEquals(List.of(List.of("a"), List.of("b")), raft.entries, "b goes without the transaction behind it");
    raft.apply(1);
    assertEquals(List.of(List.of("a"), List.of("b"), List.of("EXEC")), raft.entries);
    assertFalse(exec.isDone());
    raft.apply(2);
    assertEquals("EXEC", text(exec), "its one reply");
    assertEquals(List.of(List.of("a"), List.of("b"), List.of("EXEC"), List.of("c", "d")), raft.entries);
  }

  @Test
  void queuedAndInFlightWritesAreBoundedAndTheRestAreBusyAtOnce() {
    FakeRaft raft = new FakeRaft();
    WriteBatcher batcher = batcher(raft, 1, 3, 256);
    batcher.submit(set("a"));
    batcher.submit(set("b"));
    batcher.submit(set("c"));
    CompletableFuture<Reply> refused = batcher.submit(set("d"));
    assertEquals(ProposalException.Kind.BUSY, failure(refused).kind());
    raft.apply(0); // frees a's place; b and c go out together
    assertFalse(batcher.submit(set("e")).isDone(), "room again");
    assertEquals(ProposalException.Kind.BUSY, failure(batcher.submit(set("f"))).kind());
    assertEquals(List.of(List.of("a"), List.of("b", "c")), raft.entries);
  }

  @Test
  void aFailedEntryFailsEachOfItsWritesWithTheSameKindAndTheQueueGoesOn() {
    FakeRaft raft = new FakeRaft();
    WriteBatcher batcher = batcher(raft, 1, 100, 256);
    batcher.submit(set("a"));
    CompletableFuture<Reply> b = batcher.submit(set("b"));
    CompletableFuture<Reply> c = batcher.submit(set("c"));
    raft.apply(0);
    CompletableFuture<Reply> d = batcher.submit(set("d"));
    raft.fail(1, ProposalException.Kind.NOT_LEADER);
    assertEquals(ProposalException.Kind.NOT_LEADER, failure(b).kind());
    assertSame(failure(b), failure(c), "the entry's fate is each write's fate");
    assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), raft.entries, "d still proposed");
    raft.fail(2, ProposalException.Kind.UNKNOWN);
    assertEquals(ProposalException.Kind.UNKNOWN, failure(d).kind());
  }

  @Test
  void aProposerThatRefusesAtOnceFailsTheWriteAndFreesItsPlace() {
    AtomicInteger calls = new AtomicInteger();
    WriteBatcher batcher = new WriteBatcher(commands -> {
      calls.incrementAndGet();
      throw new ProposalException(ProposalException.Kind.NOT_LEADER, "not leader");
    }, new WriteBatcher.Limits(1, 1, 2, 256, 1 << 20));
    for (int i = 0; i < 5; i++) {
      assertEquals(ProposalException.Kind.NOT_LEADER, failure(batcher.submit(set("k" + i))).kind());
    }
    assertEquals(5, calls.get(), "never busy: each refused write gave its place back");
  }

  /**
   * Many submitting threads, completions on another thread in random order of timing: every write
   * is answered, no more entries are ever in flight than allowed, and each thread's writes are
   * proposed in the order that thread submitted them.
   */
  @Test
  void concurrentWritersKeepTheirOwnOrder() throws Exception {
    int writers = 8;
    int perWriter = 2_000;
    int limit = 3;
    ExecutorService raftThread = Executors.newSingleThreadExecutor();
    List<String> proposedOrder = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    WriteBatcher batcher = new WriteBatcher(commands -> {
      maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      commands.forEach(command -> proposedOrder.add(new String(command.argv().get(1), StandardCharsets.UTF_8)));
      return CompletableFuture.supplyAsync(() -> {
        sleepAFewMicros();
        inFlight.decrementAndGet();
        return commands.stream().map(command -> Replies.bulk(command.argv().get(1))).toList();
      }, raftThread);
    }, new WriteBatcher.Limits(limit, 1, writers * perWriter, 64, 1 << 20));

    ExecutorService clients = Executors.newFixedThreadPool(writers);
    List<CompletableFuture<Reply>> replies = Collections.synchronizedList(new ArrayList<>());
    for (int w = 0; w < writers; w++) {
      int writer = w;
      clients.execute(() -> {
        for (int i = 0; i < perWriter; i++) {
          replies.add(batcher.submit(set(writer + ":" + i)));
        }
      });
    }
    clients.shutdown();
    assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    raftThread.shutdown();

    assertEquals(writers * perWriter, proposedOrder.size(), "every write proposed exactly once");
    assertTrue(maxSeen.get() <= limit, "at most " + limit + " entries in flight, saw " + maxSeen.get());
    int[] next = new int[writers];
    for (String key : proposedOrder) {
      String[] parts = key.split(":");
      int writer = Integer.parseInt(parts[0]);
      assertEquals(next[writer]++, Integer.parseInt(parts[1]), "writer " + writer + " out of order");
    }
  }

  private static void sleepAFewMicros() {
    long until = System.nanoTime() + ThreadLocalRandom.current().nextInt(50_000);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static String text(CompletableFuture<Reply> reply) throws Exception {
    return new String(((Reply.Bulk) reply.get()).value(), StandardCharsets.UTF_8);
  }

  private static ProposalException failure(CompletableFuture<Reply> reply) {
    assertTrue(reply.isCompletedExceptionally(), "expected a failed write");
    try {
      reply.get();
      throw new AssertionError("not failed");
    } catch (ExecutionException e) {
      return (ProposalException) e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
