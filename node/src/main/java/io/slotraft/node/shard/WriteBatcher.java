package io.slotraft.node.shard;

import io.slotraft.node.raft.ProposalException;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.statemachine.LoggedCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Group commit of one shard's writes. Each log entry costs the same fixed work (a JRaft task, a log
 * write, replication, a closure) whatever it carries, so under load many writes share one entry.
 *
 * <p>Natural batching, no timer: with no entry in flight, a write is proposed at once, alone, so a
 * lone client waits for nothing. With one in flight, another entry opens only once {@code
 * minBatchToOverlap} writes are queued (up to {@code maxEntriesInFlight} entries): an entry that
 * overlaps the one committing is worth its fixed cost only when it carries enough. Otherwise writes
 * queue, and each time an entry completes, the queue goes out as one batch entry (up to the caps in
 * {@link Limits}). The busier the shard, the fuller the batches.
 *
 * <p>Order: the queue is FIFO and only one thread at a time proposes (the "proposer", whichever
 * thread found no one proposing), taking from the head. So entries reach Raft in submission order,
 * and a connection that submits its writes one after another sees them applied in that order; a
 * batch never overtakes an earlier single write, nor the reverse.
 *
 * <p>Thread-safety: {@link #submit} is called from many I/O threads, completions arrive on the Raft
 * apply thread; all state is guarded by this object's monitor, which is never held while proposing
 * or while answering callers.
 */
final class WriteBatcher {
  /** Proposes one log entry carrying {@code commands}, to be applied in this order. */
  @FunctionalInterface
  interface EntryProposer {
    /** Completes with one reply per command, in order, or fails as the whole entry failed. */
    CompletableFuture<List<Reply>> propose(List<LoggedCommand> commands);
  }

  /**
   * @param maxEntriesInFlight entries proposed and not yet completed; beyond it, writes queue
   * @param minBatchToOverlap writes queued before an entry opens while another is in flight (1: at once)
   * @param maxWrites writes queued or in flight; beyond it, a write is refused as busy at once
   * @param maxBatchCommands most commands in one entry
   * @param maxBatchBytes about the most argument bytes in one entry (a single larger write still goes)
   */
  record Limits(int maxEntriesInFlight, int minBatchToOverlap, int maxWrites, int maxBatchCommands,
      int maxBatchBytes) {}

  private final EntryProposer proposer;
  private final Limits limits;
  private final ArrayDeque<QueuedWrite> queue = new ArrayDeque<>();
  private int entriesInFlight;
  /** Writes queued or in an entry in flight; bounded by {@link Limits#maxWrites}. */
  private int writes;
  private boolean proposing;

  WriteBatcher(EntryProposer proposer, Limits limits) {
    this.proposer = proposer;
    this.limits = limits;
  }

  /** Completes with the write's reply once applied, or fails with the {@link ProposalException} of its entry. */
  CompletableFuture<Reply> submit(LoggedCommand command) {
    return enqueue(new QueuedWrite(command, null));
  }

  /**
   * Queues an entry of its own (a transaction), in order with the writes around it: when its turn
   * comes, {@code entry} is called to propose it, alone, and completes with its one reply.
   */
  CompletableFuture<Reply> submitAlone(Supplier<CompletableFuture<Reply>> entry) {
    return enqueue(new QueuedWrite(null, entry));
  }

  private CompletableFuture<Reply> enqueue(QueuedWrite write) {
    synchronized (this) {
      if (writes >= limits.maxWrites()) {
        return CompletableFuture.failedFuture(
            new ProposalException(ProposalException.Kind.BUSY, "too many writes in flight on this shard"));
      }
      writes++;
      queue.add(write);
      if (proposing) {
        return write.reply; // the thread proposing now takes it, in order
      }
      proposing = true;
    }
    proposeWhileRoom();
    return write.reply;
  }

  /** Only the proposer runs this; it stops proposing when the queue is empty or no room is left. */
  private void proposeWhileRoom() {
    while (true) {
      List<QueuedWrite> batch;
      synchronized (this) {
        if (!roomForAnEntry()) {
          proposing = false;
          return;
        }
        batch = takeBatch();
        entriesInFlight++;
      }
      propose(batch);
    }
  }

  /** Whether the queue's head may go out now as an entry (the caller holds the monitor). */
  private boolean roomForAnEntry() {
    if (queue.isEmpty() || entriesInFlight >= limits.maxEntriesInFlight()) {
      return false;
    }
    return entriesInFlight == 0 || queue.size() >= limits.minBatchToOverlap();
  }

  /** The head of the queue, up to the caps; always at least one write. An entry of its own goes alone. */
  private List<QueuedWrite> takeBatch() {
    if (queue.peek().alone != null) {
      return List.of(queue.poll());
    }
    List<QueuedWrite> batch = new ArrayList<>(Math.min(queue.size(), limits.maxBatchCommands()));
    long bytes = 0;
    while (!queue.isEmpty() && queue.peek().alone == null && batch.size() < limits.maxBatchCommands()) {
      bytes += queue.peek().bytes;
      if (!batch.isEmpty() && bytes > limits.maxBatchBytes()) {
        break;
      }
      batch.add(queue.poll());
    }
    return batch;
  }

  private void propose(List<QueuedWrite> batch) {
    CompletableFuture<List<Reply>> replies;
    try {
      replies = batch.get(0).alone != null ? batch.get(0).alone.get().thenApply(List::of) : proposer.propose(commandsOf(batch));
    } catch (RuntimeException e) {
      replies = CompletableFuture.failedFuture(e);
    }
    // May run right here (an entry refused at once): completed() then sees this thread proposing.
    replies.whenComplete((applied, failure) -> completed(batch, applied, failure));
  }

  private static List<LoggedCommand> commandsOf(List<QueuedWrite> batch) {
    List<LoggedCommand> commands = new ArrayList<>(batch.size());
    for (QueuedWrite write : batch) {
      commands.add(write.command);
    }
    return commands;
  }

  private void completed(List<QueuedWrite> batch, List<Reply> replies, Throwable failure) {
    boolean becomeProposer;
    synchronized (this) {
      entriesInFlight--;
      writes -= batch.size();
      becomeProposer = !proposing && !queue.isEmpty();
      proposing |= becomeProposer;
    }
    // Send the next batch before answering this one: Raft works on it meanwhile.
    if (becomeProposer) {
      proposeWhileRoom();
    }
    answer(batch, replies, failure);
  }

  private static void answer(List<QueuedWrite> batch, List<Reply> replies, Throwable failure) {
    if (failure == null && (replies == null || replies.size() != batch.size())) {
      failure = new IllegalStateException("an entry of " + batch.size() + " writes was answered with "
          + (replies == null ? "no" : replies.size()) + " replies");
    }
    for (int i = 0; i < batch.size(); i++) {
      if (failure == null) {
        batch.get(i).reply.complete(replies.get(i));
      } else {
        batch.get(i).reply.completeExceptionally(failure); // the entry's fate is each write's fate
      }
    }
  }

  /** A write waiting for, or carried by, an entry. */
  private static final class QueuedWrite {
    /** Protobuf's per-field overhead, roughly, so many empty arguments still count. */
    private static final int OVERHEAD_PER_ARG = 4;

    /** The command, or null for an entry of its own. */
    final LoggedCommand command;
    /** Proposes an entry of its own, or null for a command that may share one. */
    final Supplier<CompletableFuture<Reply>> alone;
    final long bytes;
    final CompletableFuture<Reply> reply = new CompletableFuture<>();

    QueuedWrite(LoggedCommand command, Supplier<CompletableFuture<Reply>> alone) {
      this.command = command;
      this.alone = alone;
      long size = 0;
      for (byte[] arg : command == null ? List.<byte[]>of() : command.argv()) {
        size += arg.length + OVERHEAD_PER_ARG;
      }
      this.bytes = size;
    }
  }
}
