package io.slotraft.node.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.error.RaftError;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What the log tells a proposal JRaft failed at a step-down: its own entry applied gives its result;
 * an entry of a later term applied first proves it will never be committed; a snapshot or a close
 * leaves it unknown. Failures other than a step-down after appending are final at once.
 */
class ProposalFatesTest {
  private static final Status STEPPED_DOWN = new Status(RaftError.EPERM, "Leader stepped down");
  private final ProposalFates<String> fates = new ProposalFates<>();

  private ProposalClosure<String> proposed(long term, String entry) {
    ProposalClosure<String> proposal = new ProposalClosure<>(() -> {}, term, buffer(entry), fates);
    fates.add(proposal);
    return proposal;
  }

  private static ByteBuffer buffer(String text) {
    return ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ProposalException.Kind failure(ProposalClosure<String> proposal) {
    CompletionException failed = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        () -> proposal.future().join());
    return ((ProposalException) failed.getCause()).kind();
  }

  @Test
  void itsOwnEntryAppliedAfterTheStepDownGivesItsResult() {
    ProposalClosure<String> mine = proposed(7, "SET a 1");
    mine.run(STEPPED_DOWN);
    assertFalse(mine.future().isDone());
    fates.appliedWithoutClosure(7, buffer("SET b 2"), "another proposer's entry of that term");
    assertFalse(mine.future().isDone(), "an entry of the same term is not proof either way");
    fates.appliedWithoutClosure(7, buffer("SET a 1"), "OK");
    assertEquals("OK", mine.future().join());
    assertTrue(fates.isEmpty());
  }

  @Test
  void anEntryOfALaterTermAppliedFirstMeansItWasNotCommittedAndCanBeRedirected() {
    ProposalClosure<String> mine = proposed(7, "SET a 1");
    mine.run(STEPPED_DOWN);
    fates.appliedWithoutClosure(8, buffer("no-op"), "OK");
    assertEquals(ProposalException.Kind.NOT_LEADER, failure(mine));
    assertTrue(fates.isEmpty());
  }

  @Test
  void oneEntryAnswersOneProposalEvenWhenTwoCarryTheSameBytes() {
    ProposalClosure<String> first = proposed(7, "EXPIRE k");
    ProposalClosure<String> second = proposed(7, "EXPIRE k");
    first.run(STEPPED_DOWN);
    second.run(STEPPED_DOWN);
    fates.appliedWithoutClosure(7, buffer("EXPIRE k"), "1");
    assertTrue(first.future().isDone() != second.future().isDone(), "exactly one of them was this entry");
    fates.appliedWithoutClosure(8, buffer("no-op"), "OK");
    assertTrue(first.future().isDone() && second.future().isDone());
  }

  @Test
  void anEntryWhoseApplyFailedLeavesItsProposalUnknownAndStillDecidesOlderOnes() {
    ProposalClosure<String> older = proposed(6, "SET a 0");
    ProposalClosure<String> mine = proposed(7, "SET a 1");
    older.run(STEPPED_DOWN);
    mine.run(STEPPED_DOWN);
    fates.failedWithoutClosure(7, buffer("SET a 1"), "a bug");
    assertEquals(ProposalException.Kind.UNKNOWN, failure(mine));
    assertEquals(ProposalException.Kind.NOT_LEADER, failure(older));
  }

  @Test
  void anEntryAppliedBeforeJRaftFailsTheClosureStillCounts() {
    ProposalClosure<String> mine = proposed(7, "SET a 1");
    fates.appliedWithoutClosure(7, buffer("SET a 1"), "OK");
    mine.run(STEPPED_DOWN);
    assertEquals("OK", mine.future().join());
  }

  @Test
  void aSnapshotInsteadOfTheEntriesLeavesTheOutcomeUnknown() {
    ProposalClosure<String> mine = proposed(7, "SET a 1");
    mine.run(STEPPED_DOWN);
    fates.abandonAll("caught up by a snapshot");
    assertEquals(ProposalException.Kind.UNKNOWN, failure(mine));
  }

  @Test
  void failuresBeforeAppendingAreFinalAtOnceAndForgotten() {
    ProposalClosure<String> refused = proposed(7, "SET a 1");
    refused.run(new Status(RaftError.EPERM, "Is not leader."));
    assertEquals(ProposalException.Kind.NOT_LEADER, failure(refused));
    ProposalClosure<String> busy = proposed(7, "SET a 2");
    busy.run(new Status(RaftError.EBUSY, "Is transferring leadership."));
    assertEquals(ProposalException.Kind.BUSY, failure(busy));
    ProposalClosure<String> shutDown = proposed(7, "SET a 3");
    shutDown.run(new Status(RaftError.ESHUTDOWN, "node is shutting down"));
    assertEquals(ProposalException.Kind.UNKNOWN, failure(shutDown));
    assertTrue(fates.isEmpty());
  }

  @Test
  void aCompletedProposalIsForgotten() {
    ProposalClosure<String> mine = proposed(7, "SET a 1");
    mine.applied("OK");
    mine.run(Status.OK());
    assertEquals("OK", mine.future().join());
    assertTrue(fates.isEmpty());
  }
}
