package io.slotraft.node.raft;

import static io.slotraft.node.raft.LocalRaftGroup.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Await;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write whose leader steps down after appending it, on real JRaft replicas: the proposer learns
 * what the log decided instead of answering "may or may not have been applied". The leader's two
 * followers stop, so its entry cannot commit and it steps down; one follower comes back, and as its
 * log is shorter only the old leader can win the election. It commits the entry in its new term,
 * and the proposal, whose closure JRaft failed at the step-down, completes with the entry's result.
 */
class StepDownFateTest {
  @RegisterExtension
  final LocalRaftGroups groups = new LocalRaftGroups();

  @Test
  void aWriteStrandedByItsLeadersStepDownCompletesWithItsResultOnceTheNextLeaderCommitsIt() throws Exception {
    LocalRaftGroup group = groups.start(3);
    LocalRaftGroup.Peer leader = group.awaitLeader();
    assertTrue(leader.replica.propose(bytes("first")).get(30, TimeUnit.SECONDS).startsWith("first applied"));
    List<LocalRaftGroup.Peer> followers = group.peers().stream().filter(p -> p != leader).toList();
    Await.until("the followers applied the first write", Duration.ofSeconds(30),
        () -> followers.stream().allMatch(p -> p.recorder.applied.contains("first")));

    followers.forEach(LocalRaftGroup.Peer::stop);
    CompletableFuture<String> stranded = leader.replica.propose(bytes("stranded"));
    Await.until("the leader steps down without a quorum", Duration.ofSeconds(30), () -> !leader.replica.isLeader());
    assertFalse(stranded.isDone() && stranded.isCompletedExceptionally(),
        "the step-down alone decides nothing about the write");

    followers.get(0).start();
    String result = stranded.get(30, TimeUnit.SECONDS);
    assertTrue(result.startsWith("stranded applied at "), result);
    Await.until("the returning follower applied it too", Duration.ofSeconds(30),
        () -> followers.get(0).recorder.applied.contains("stranded"));
    assertEquals(1, Collections.frequency(leader.recorder.applied, "stranded"), "applied once");

    followers.get(1).start();
  }
}
