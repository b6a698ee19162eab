package io.slotraft.node.raft;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.error.RaftError;
import java.util.concurrent.CompletableFuture;

/**
 * Completes a proposal's future: with what the state machine answered for the entry when it is
 * applied on this (leader) replica, or with a {@link ProposalException} when Raft gives up on it.
 */
final class ProposalClosure<R> implements Closure {
  private final CompletableFuture<R> future = new CompletableFuture<>();
  private final Runnable release;
  private R result;

  ProposalClosure(Runnable release) {
    this.release = release;
  }

  CompletableFuture<R> future() {
    return future;
  }

  /** Called on the apply thread just before {@link #run} with OK. */
  void applied(R applied) {
    this.result = applied;
  }

  @Override
  public void run(Status status) {
    release.run();
    if (status.isOk()) {
      future.complete(result);
      return;
    }
    future.completeExceptionally(toException(status));
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
    if (error == RaftError.EBUSY) {
      return new ProposalException(ProposalException.Kind.BUSY, "replica is busy: " + status.getErrorMsg());
    }
    return new ProposalException(ProposalException.Kind.UNKNOWN, status.getErrorMsg());
  }
}
