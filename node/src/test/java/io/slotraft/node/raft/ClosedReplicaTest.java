package io.slotraft.node.raft;

import static io.slotraft.node.raft.LocalRaftGroup.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write or read that reaches a replica after it closed (a node stopping while a write batcher
 * still holds queued writes, or a stream still delivers commands) fails as NOT_LEADER, which callers
 * redirect: it never ran. JRaft's node throws, or dereferences its freed queue, when asked after
 * its shutdown; that once reached a client as "ERR Cannot invoke ... applyQueue is null".
 */
class ClosedReplicaTest {
  @RegisterExtension
  final LocalRaftGroups groups = new LocalRaftGroups();

  private static ProposalException.Kind failureOf(CompletableFuture<?> future) {
    ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(ProposalException.class, failed.getCause()).kind();
  }

  @Test
  void writesAndReadsAfterCloseFailAsNotLeader() throws Exception {
    LocalRaftGroup group = groups.start(1);
    LocalRaftGroup.Peer leader = group.awaitLeader();
    leader.replica.propose(bytes("before")).get(30, TimeUnit.SECONDS);
    leader.replica.close();
    assertEquals(ProposalException.Kind.NOT_LEADER, failureOf(leader.replica.propose(bytes("after"))));
    assertEquals(ProposalException.Kind.NOT_LEADER, failureOf(leader.replica.readBarrier()));
  }
}
