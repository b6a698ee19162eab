package io.slotraft.node.raft;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.error.RaftError;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Completes a proposal's future: with what the state machine answered for the entry when it is
 * applied on this (leader) replica, or with a {@link ProposalException} when Raft gives up on it.
 * When Raft gives up because the leader stepped down with the entry appended, the proposal waits
 * for the log to decide it ({@link ProposalFates}) before it admits the outcome is unknown.
 */
final class ProposalClosure<R> implements Closure {
  private final CompletableFuture<R> future = new CompletableFuture<>();
  private final Runnable release;
  private final AtomicBoolean released = new AtomicBoolean();
  private final long term;
  private final ProposalFates<R> fates;
  private volatile ByteBuffer entry;
  private R result;

  /**
   * @param term the leader term the entry is proposed in (JRaft's expected term), or -1 if unknown:
   *     then a step-down leaves the outcome unknown at once
   * @param entry the entry's bytes, to recognise it when applied without this closure
   */
  ProposalClosure(Runnable release, long term, ByteBuffer entry, ProposalFates<R> fates) {
    this.release = release;
    this.term = term;
    this.entry = entry;
    this.fates = fates;
  }

  CompletableFuture<R> future() {
    return future;
  }

  long term() {
    return term;
  }

  /** Whether {@code data} holds this proposal's entry. */
  boolean carries(ByteBuffer data) {
    ByteBuffer mine = entry;
    return mine != null && mine.duplicate().rewind().equals(data.duplicate());
  }

  /** Called on the apply thread just before {@link #run} with OK. */
  void applied(R applied) {
    this.result = applied;
  }

  /** The entry was applied here after this replica stopped leading; {@code applied} is its result. */
  void decided(R applied) {
    entry = null;
    future.complete(applied);
  }

  void fail(ProposalException failure) {
    entry = null;
    future.completeExceptionally(failure);
  }

  /** Raft never took the entry (its node is shutting down): frees its slot and fails it. */
  void notAppended(ProposalException failure) {
    releaseOnce();
    fates.remove(this);
    fail(failure);
  }

  private void releaseOnce() {
    if (released.compareAndSet(false, true)) {
      release.run();
    }
  }

  @Override
  public void run(Status status) {
    releaseOnce();
    if (status.isOk()) {
      fates.remove(this);
      entry = null;
      future.complete(result);
      return;
    }
    ProposalException failure = toException(status);
    if (!steppedDownAfterAppending(status, failure) || term <= 0) {
      fates.remove(this);
      fail(failure);
      return;
    }
    // Appended, then the leader stepped down: stay in the fates until the log decides, or give up.
    CompletableFuture.delayedExecutor(ProposalFates.FATE_WAIT_MS, TimeUnit.MILLISECONDS).execute(() -> {
      if (fates.remove(this)) {
        fail(failure);
      }
    });
  }

  /** JRaft's "Leader stepped down": the entry was appended here and may yet be committed by another leader. */
  private static boolean steppedDownAfterAppending(Status status, ProposalException failure) {
    return failure.kind() == ProposalException.Kind.UNKNOWN && status.getRaftError() == RaftError.EPERM;
  }

  static ProposalException toException(Status status) {
    RaftError error = status.getRaftError();
    String message = String.valueOf(status.getErrorMsg());
    // JRaft answers EPERM both before appending ("Is not leader.", a term mismatch) and for entries
    // that were appended when the leader stepped down ("Leader stepped down"): only the first kind is
    // certainly not applied, and only it may be redirected and retried.
    if (error == RaftError.EPERM && (message.startsWith("Is not leader") || message.contains("expected_term"))) {
      return new ProposalException(ProposalException.Kind.NOT_LEADER, "not the leader: " + message);
    }
    if (error == RaftError.ENODESHUTDOWN) {
      return new ProposalException(ProposalException.Kind.NOT_LEADER, "the replica is shutting down: " + message);
    }
    if (error == RaftError.EBUSY) {
      return new ProposalException(ProposalException.Kind.BUSY, "replica is busy: " + status.getErrorMsg());
    }
    return new ProposalException(ProposalException.Kind.UNKNOWN, status.getErrorMsg());
  }
}
