package io.slotraft.node.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.MetaCommand;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Meta's state machine without Raft: bootstrap takes effect once, the same on every replica. */
class MetaStateMachineTest {

  static List<ClusterMember> members(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new ClusterMember(String.format("%040x", i), "n" + i, "127.0.0.1", 7000 + i, 7100 + i,
            7200 + i, 7300 + i))
        .toList();
  }

  static ClusterTopology plan(int nodes, int shards) {
    return BootstrapPlan.fromConfig(members(nodes), shards, 3);
  }

  @Test
  void aFreshMetaIsNotBootstrappedAndHasNoTopology() {
    MetaStateMachine meta = new MetaStateMachine();
    assertFalse(meta.state().bootstrapped());
    assertEquals(0, meta.state().epoch());
    assertEquals(ClusterTopology.NONE, meta.state().topology());
  }

  @Test
  void theFirstBootstrapRecordsThePlanAtEpochOne() {
    MetaStateMachine meta = new MetaStateMachine();
    MetaOutcome outcome = meta.apply(3, MetaEntries.bootstrap(plan(3, 12), "n1-id"));
    assertTrue(outcome.changed(), outcome.description());
    MetaState state = meta.state();
    assertTrue(state.bootstrapped());
    assertEquals(1, state.epoch());
    assertEquals(plan(3, 12), state.topology());
    assertEquals(3, state.bootstrapIndex());
    assertEquals(3, state.appliedIndex());
    assertEquals(1, state.appliedBootstraps());
  }

  @Test
  void aSecondBootstrapIsANoOpThatSaysSoEvenWithAnotherPlan() {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(3, MetaEntries.bootstrap(plan(3, 12), "n1-id"));
    // A node restarted with other settings, or a leader that lost the answer to its first proposal.
    MetaOutcome second = meta.apply(7, MetaEntries.bootstrap(plan(3, 4), "n2-id"));
    assertFalse(second.changed());
    assertTrue(second.description().contains("ignored: meta was bootstrapped at index 3"), second.description());
    MetaState state = meta.state();
    assertEquals(plan(3, 12), state.topology(), "the first applied Bootstrap wins");
    assertEquals(1, state.epoch());
    assertEquals(3, state.bootstrapIndex());
    assertEquals(1, state.appliedBootstraps());
    assertEquals(1, state.ignoredBootstraps());
    assertEquals(7, state.appliedIndex());
  }

  @Test
  void aPlanThatDoesNotCoverEverySlotIsRefusedAndMetaStaysEmpty() {
    ClusterTopology holey = new ClusterTopology(1, members(3),
        new Placement(List.of(new ShardPlacement("s1", 0, 8000, List.of(members(3).get(0).nodeId())))), 1);
    MetaStateMachine meta = new MetaStateMachine();
    MetaOutcome outcome = meta.apply(2, MetaEntries.bootstrap(holey, "n1-id"));
    assertFalse(outcome.changed());
    assertTrue(outcome.description().contains("cover slots 0-8000"), outcome.description());
    assertFalse(meta.state().bootstrapped());
    // ... and a good plan later still bootstraps.
    assertTrue(meta.apply(3, MetaEntries.bootstrap(plan(3, 2), "n1-id")).changed());
  }

  @Test
  void aReplicaOnANodeThatIsNotAMemberIsRefused() {
    ClusterTopology stranger = new ClusterTopology(1, members(1),
        new Placement(List.of(new ShardPlacement("s1", 0, 16383, List.of("not-a-member")))), 1);
    assertFalse(new MetaStateMachine().apply(1, MetaEntries.bootstrap(stranger, "x")).changed());
  }

  @Test
  void theSameEntriesGiveTheSameStateAndTheSameSnapshotBytesOnEveryReplica() {
    List<byte[]> log = List.of(MetaEntries.bootstrap(plan(5, 12), "a"), MetaEntries.bootstrap(plan(3, 3), "b"),
        MetaEntries.bootstrap(plan(5, 12), "c"));
    MetaStateMachine first = new MetaStateMachine();
    MetaStateMachine second = new MetaStateMachine();
    for (int i = 0; i < log.size(); i++) {
      assertEquals(first.apply(i + 1, log.get(i)), second.apply(i + 1, log.get(i)));
    }
    assertEquals(first.state(), second.state());
    assertArrayEquals(MetaSnapshots.encode(first.state()), MetaSnapshots.encode(second.state()));
  }

  @Test
  void anEntryOfAnUnknownVersionOrWithoutACommandStopsApplying() {
    MetaStateMachine meta = new MetaStateMachine();
    byte[] newer = MetaCommand.newBuilder().setFormatVersion(MetaEntries.FORMAT_VERSION + 1).build().toByteArray();
    assertThrows(MetaCommandException.class, () -> meta.apply(1, newer));
    byte[] empty = MetaCommand.newBuilder().setFormatVersion(1).build().toByteArray();
    assertThrows(MetaCommandException.class, () -> meta.apply(1, empty));
    assertThrows(MetaCommandException.class, () -> meta.apply(1, new byte[] {(byte) 0xff, 1, 2}));
    assertEquals(MetaState.EMPTY, meta.state(), "nothing applied");
  }

  private static MetaStateMachine bootstrapped(int nodes, int shards) {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(1, MetaEntries.bootstrap(plan(nodes, shards), "n1-id"));
    return meta;
  }

  private static byte[] entry(MetaCommand command) {
    return command.toByteArray();
  }

  @Test
  void setPreferredLeaderPutsTheReplicaFirstKeepsTheOthersInOrderAndRaisesTheEpochByOne() {
    MetaStateMachine meta = bootstrapped(3, 6);
    ShardPlacement before = meta.state().topology().placement().shards().get(2);
    String third = before.replicaNodeIds().get(2);
    MetaOutcome outcome = meta.apply(2, entry(MetaEntries.setPreferredLeader(before.shardId(), third)));
    assertTrue(outcome.changed(), outcome.description());
    assertEquals(2, meta.state().epoch());
    ShardPlacement after = meta.state().topology().placement().shard(before.shardId()).orElseThrow();
    assertEquals(List.of(third, before.replicaNodeIds().get(0), before.replicaNodeIds().get(1)),
        after.replicaNodeIds());
    assertEquals(before.slotStart(), after.slotStart());
    for (ShardPlacement other : meta.state().topology().placement().shards()) {
      if (!other.shardId().equals(before.shardId())) {
        assertEquals(plan(3, 6).placement().shard(other.shardId()).orElseThrow(), other, "other shards untouched");
      }
    }
    assertEquals(plan(3, 6).members(), meta.state().topology().members());
    assertEquals(2, meta.state().appliedIndex());
  }

  @Test
  void setPreferredLeaderThatChangesNothingOrBreaksTheRulesIsANoOpThatKeepsTheEpoch() {
    MetaStateMachine meta = bootstrapped(4, 4);
    ShardPlacement shard = meta.state().topology().placement().shards().get(0);
    String outsider = members(4).stream().map(ClusterMember::nodeId).filter(id -> !shard.hasReplicaOn(id))
        .findFirst().orElseThrow();
    MetaOutcome already = meta.apply(2, entry(MetaEntries.setPreferredLeader(shard.shardId(), shard.preferredLeader())));
    assertFalse(already.changed());
    assertTrue(already.description().contains("already so"), already.description());
    MetaOutcome notAReplica = meta.apply(3, entry(MetaEntries.setPreferredLeader(shard.shardId(), outsider)));
    assertFalse(notAReplica.changed());
    assertTrue(notAReplica.description().contains("has no replica on that node"), notAReplica.description());
    MetaOutcome noShard = meta.apply(4, entry(MetaEntries.setPreferredLeader("no-such-shard", outsider)));
    assertFalse(noShard.changed());
    assertTrue(noShard.description().contains("there is no shard no-such-shard"), noShard.description());
    assertEquals(1, meta.state().epoch());
    assertEquals(plan(4, 4).placement(), meta.state().topology().placement());
    assertEquals(4, meta.state().appliedIndex());

    MetaStateMachine empty = new MetaStateMachine();
    assertFalse(empty.apply(1, entry(MetaEntries.setPreferredLeader("s1", "x"))).changed());
    assertFalse(empty.state().bootstrapped());
  }

  @Test
  void aMembersReportIsKeptLatestFirstWithoutTouchingTheTopologyOrTheEpoch() {
    MetaStateMachine meta = bootstrapped(3, 3);
    String n2 = members(3).get(1).nodeId();
    MemberReport first = new MemberReport(n2, 1_000, List.of(new MemberReport.ReportedShard("s1", true)));
    MemberReport second = new MemberReport(n2, 2_000, List.of(new MemberReport.ReportedShard("s1", false),
        new MemberReport.ReportedShard("s2", true)));
    MetaOutcome outcome = meta.apply(2, entry(MetaEntries.nodeReport(first)));
    assertTrue(outcome.routine());
    meta.apply(3, entry(MetaEntries.nodeReport(second)));
    assertEquals(java.util.Map.of(n2, second), meta.state().reports());
    assertEquals(1, meta.state().epoch());
    assertEquals(plan(3, 3), meta.state().topology());

    MetaOutcome stranger = meta.apply(4, entry(MetaEntries.nodeReport(new MemberReport("stranger", 1, List.of()))));
    assertFalse(stranger.changed());
    assertEquals(1, meta.state().reports().size(), "a non-member's report is not kept");
  }

  @Test
  void aVersionOneEntryCarryingANewerCommandStopsApplyingRatherThanSkip() {
    MetaStateMachine meta = bootstrapped(3, 3);
    byte[] underDeclared = MetaEntries.setPreferredLeader("s1", "x").toBuilder().setFormatVersion(1).build()
        .toByteArray();
    assertThrows(MetaCommandException.class, () -> meta.apply(2, underDeclared));
  }
}
