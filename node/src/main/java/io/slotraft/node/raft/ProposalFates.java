package io.slotraft.node.raft;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The proposals in flight on one replica, so that a proposal whose leader stepped down still learns
 * what became of it instead of answering "may or may not have been applied".
 *
 * <p>When a leader steps down, JRaft fails the closures of its appended but uncommitted entries at
 * once ("Leader stepped down"), yet those entries may still be committed by the next leader. This
 * replica, now a follower, applies the log as it is decided. Every proposal is made with the term
 * it was proposed in as JRaft's expected term, so its entry is in the log at that term or nowhere;
 * and the committed log's terms never decrease along it. Hence, for an entry applied here without a
 * closure:
 * <ul>
 *   <li>of the proposal's term and with the proposal's bytes (a shard's write entries carry a random
 *       seed; entries without one, an expiry or a meta command, change nothing when repeated): it is the proposal, and what the state machine answered
 *       here is what the leader would have answered;
 *   <li>of a later term: the proposal was not committed where it was appended, and entries never
 *       move, so it never will be: it certainly did not run, and may be redirected and retried.
 * </ul>
 * A proposal that neither happens to within {@link #FATE_WAIT_MS} (this replica cut off, or caught
 * up by a snapshot rather than the entries) keeps the unknown outcome.
 */
final class ProposalFates<R> {
  /**
   * How long a proposal whose leader stepped down waits for the log to decide it: an election and
   * the new leader's first commit take a few election timeouts at most on a connected replica.
   */
  static final long FATE_WAIT_MS = 5_000;

  private final Set<ProposalClosure<R>> inFlight = ConcurrentHashMap.newKeySet();

  void add(ProposalClosure<R> proposal) {
    inFlight.add(proposal);
  }

  /** Whether {@code proposal} was still waiting for its fate; it no longer is. */
  boolean remove(ProposalClosure<R> proposal) {
    return inFlight.remove(proposal);
  }

  boolean isEmpty() {
    return inFlight.isEmpty();
  }

  /**
   * An entry was applied here with no closure: a proposal of this replica it is (same term, same
   * bytes; the first such one, as one entry answers one proposal) gets its result; every proposal
   * of an earlier term was not committed and never will be. Called on the apply thread, in log order.
   */
  void appliedWithoutClosure(long term, ByteBuffer data, R result) {
    decide(term, data, proposal -> proposal.decided(result));
  }

  /**
   * As {@link #appliedWithoutClosure}, for an entry whose apply failed as a whole: the proposal it
   * is learns that it ran, but not how far, so its outcome stays unknown.
   */
  void failedWithoutClosure(long term, ByteBuffer data, String failure) {
    decide(term, data, proposal -> proposal.fail(new ProposalException(ProposalException.Kind.UNKNOWN,
        "applying the write failed part way: " + failure)));
  }

  private void decide(long term, ByteBuffer data, Consumer<ProposalClosure<R>> itsOwn) {
    boolean matched = false;
    for (ProposalClosure<R> proposal : inFlight) {
      if (proposal.term() <= 0) {
        continue; // never registered by RaftReplica.propose, which refuses to propose without a term
      }
      if (!matched && proposal.term() == term && proposal.carries(data)) {
        matched = true;
        inFlight.remove(proposal);
        itsOwn.accept(proposal);
      } else if (proposal.term() < term) {
        inFlight.remove(proposal);
        proposal.fail(new ProposalException(ProposalException.Kind.NOT_LEADER,
            "leadership changed (term " + proposal.term() + " ended) before the write was committed; it was not applied"));
      }
    }
  }

  /**
   * The replica can no longer tell (a snapshot replaced what it applied, or it is closing): every
   * proposal still waiting keeps its unknown outcome.
   */
  void abandonAll(String why) {
    for (ProposalClosure<R> proposal : inFlight) {
      inFlight.remove(proposal);
      proposal.fail(new ProposalException(ProposalException.Kind.UNKNOWN,
          "the write's outcome is unknown: " + why));
    }
  }
}
