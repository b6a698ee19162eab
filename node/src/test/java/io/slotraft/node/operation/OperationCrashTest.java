package io.slotraft.node.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.BootstrapPlan;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.operation.split.SplitShardKind;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.DrainNodeSpec;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.RebalanceSpec;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each operation driven step by step against meta's state machine and a model of the Raft groups,
 * with a crash (the step acted, its record was lost) injected after every pass in turn: it always
 * ends as if nothing had happened, and no group ever had fewer voters than its replication factor.
 */
class OperationCrashTest {
  private static final int MAX_PASSES = 200;

  static List<ClusterMember> members(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new ClusterMember(String.format("%040x", i), "n" + i, "127.0.0.1", 7000 + i, 7100 + i,
            7200 + i, 7300 + i))
        .toList();
  }

  /** 3 bootstrap members with 4 shards, and n4 joined with nothing. */
  static SimulatedCluster clusterWithAnEmptyFourthNode() {
    ClusterTopology plan = BootstrapPlan.fromConfig(members(3), 4, 3);
    SimulatedCluster cluster = new SimulatedCluster(MetaEntries.bootstrap(plan, "n1"));
    cluster.apply(MetaEntries.joinNode(members(4).get(3)));
    return cluster;
  }

  static void runToEnd(SimulatedCluster cluster, int crashAtPass) throws InterruptedException {
    for (int pass = 0; pass < MAX_PASSES && !cluster.state().runningOperations().isEmpty(); pass++) {
      cluster.pass(pass == crashAtPass);
    }
    assertTrue(cluster.state().runningOperations().isEmpty(), "operations still running: "
        + cluster.state().runningOperations());
    assertEquals(3, cluster.fewestVoters(), "a group had fewer voters than its replication factor");
  }

  static void assertGroupsMatchMeta(SimulatedCluster cluster) {
    ClusterTopology topology = cluster.state().topology();
    for (ShardPlacement shard : topology.placement().shards()) {
      assertEquals(new HashSet<>(topology.raftEndpoints(shard)), cluster.group(shard.shardId()).voters,
          shard.shardId() + "'s voters");
      assertTrue(cluster.group(shard.shardId()).learners.isEmpty(), shard.shardId() + " kept a learner");
      assertTrue(shard.learnerNodeIds().isEmpty(), "meta kept a learner of " + shard.shardId());
    }
    assertEquals(new HashSet<>(topology.metaVoterEndpoints()), cluster.metaGroup().voters, "meta's voters");
    assertTrue(cluster.metaGroup().learners.isEmpty() && topology.metaLearnerNodeIds().isEmpty(), "meta kept a learner");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 3, 9, 17, 29})
  void aRebalanceOntoFiveNodesGivesMetaFiveVotersAndADrainTakesOneAwayWhereverItCrashes(int crashAtPass)
      throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    cluster.apply(MetaEntries.joinNode(members(5).get(4)));
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder()
        .setRebalance(RebalanceSpec.newBuilder().setMaxConcurrentMoves(2)).build(), 0, 0));
    runToEnd(cluster, crashAtPass);
    assertEquals(5, cluster.state().topology().metaVoterNodeIds().size(), "five members, five voters");
    assertGroupsMatchMeta(cluster);

    String n2 = members(5).get(1).nodeId();
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder()
        .setDrainNode(DrainNodeSpec.newBuilder().setNodeId(n2).setMaxConcurrentMoves(2)).build(), 0, 0));
    runToEnd(cluster, crashAtPass);
    ClusterTopology topology = cluster.state().topology();
    assertFalse(topology.runsMeta(n2));
    assertEquals(4, topology.metaVoterNodeIds().size(), "nobody could take n2's vote: it went");
    assertGroupsMatchMeta(cluster);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 2, 4, 7, 11, 16})
  void drainingAMetaVoterMovesItsReplicasThenItsVoteWhereverItCrashes(int crashAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    String n1 = members(4).get(0).nodeId();
    assertTrue(cluster.state().topology().isMetaVoter(n1));
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder()
        .setDrainNode(DrainNodeSpec.newBuilder().setNodeId(n1).setMaxConcurrentMoves(2)).build(), 0, 0));
    long drain = cluster.state().operations().lastKey();
    runToEnd(cluster, crashAtPass);

    assertEquals(OperationStatus.OPERATION_SUCCEEDED, cluster.state().operations().get(drain).getStatus(),
        cluster.state().operations().get(drain).getDetail());
    ClusterTopology topology = cluster.state().topology();
    assertTrue(topology.placement().shardsRunningOn(n1).isEmpty());
    assertFalse(topology.runsMeta(n1), "n1's vote in meta moved");
    assertEquals(3, topology.metaVoterNodeIds().size());
    assertTrue(topology.isMetaVoter(members(4).get(3).nodeId()), "to the one node without a vote");
    assertGroupsMatchMeta(cluster);
    cluster.apply(MetaEntries.removeNode(n1));
    assertTrue(cluster.state().topology().member(n1).isEmpty(), "a drained meta voter can be removed");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void aSplitRecordsBothShardsOnTheSameReplicasOnceWhereverItCrashes(int crashAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    ShardPlacement shard = cluster.state().topology().placement().shards().get(1);
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
        .setShardId(shard.shardId()).setSplitSlot(SplitShardKind.HALVING_SLOT)).build(), 0, 0));
    long epochAtStart = cluster.state().epoch();
    int shardsAtStart = cluster.state().topology().placement().shards().size();

    runToEnd(cluster, crashAtPass);

    Operation split = cluster.state().operations().lastEntry().getValue();
    assertEquals(OperationStatus.OPERATION_SUCCEEDED, split.getStatus(), split.getDetail());
    String newShardId = split.getSpec().getSplitShard().getNewShardId();
    assertEquals("s5", newShardId, "a new id, after the four of the bootstrap");
    List<ShardPlacement> shards = cluster.state().topology().placement().shards();
    assertEquals(shardsAtStart + 1, shards.size());
    ShardPlacement lower = cluster.state().topology().placement().shard(shard.shardId()).orElseThrow();
    ShardPlacement upper = cluster.state().topology().placement().shard(newShardId).orElseThrow();
    assertEquals(shard.slotStart(), lower.slotStart());
    assertEquals(lower.slotEnd() + 1, upper.slotStart());
    assertEquals(shard.slotEnd(), upper.slotEnd());
    assertEquals(shards.indexOf(lower) + 1, shards.indexOf(upper), "shards stay in slot order");
    assertEquals(shard.replicaNodeIds(), upper.replicaNodeIds(), "no replica moved");
    assertEquals(new ShardPlacement.SlotRange(shard.slotStart(), shard.slotEnd()), lower.initialRange(),
        "a replica of the old shard replaying its log from the start owns its first range again");
    assertEquals(new ShardPlacement.SlotRange(upper.slotStart(), upper.slotEnd()), upper.initialRange());
    assertEquals(new ShardPlacement.SplitOrigin(shard.shardId(), 1000 + split.getId()), upper.splitFrom(),
        "where the split's entry is in the old shard's log (the simulated leader's index)");
    assertEquals(epochAtStart + 1, cluster.state().epoch(), "one new epoch");
    assertGroupsMatchMeta(cluster);
  }

  @Test
  void aSplitIsRefusedWhileAMoveChangesItsShardAndOneSplitRunsAtATime() {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    ShardPlacement shard = cluster.state().topology().placement().shards().get(0);
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(shard.shardId()).setFromNodeId(shard.preferredLeader()).setToNodeId(members(4).get(3).nodeId()))
        .build(), 0, 0));
    int operations = cluster.state().operations().size();
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
        .setShardId(shard.shardId()).setSplitSlot(SplitShardKind.HALVING_SLOT)).build(), 0, 0));
    assertEquals(operations, cluster.state().operations().size(), "a shard a move changes is not split");

    ShardPlacement other = cluster.state().topology().placement().shards().get(2);
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
        .setShardId(other.shardId()).setSplitSlot(other.slotStart())).build(), 0, 0));
    assertEquals(operations, cluster.state().operations().size(), "the first slot cannot be a split slot");
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
        .setShardId(other.shardId()).setSplitSlot(SplitShardKind.HALVING_SLOT)).build(), 0, 0));
    assertEquals(operations + 1, cluster.state().operations().size());
    ShardPlacement third = cluster.state().topology().placement().shards().get(3);
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
        .setShardId(third.shardId()).setSplitSlot(SplitShardKind.HALVING_SLOT)).build(), 0, 0));
    assertEquals(operations + 1, cluster.state().operations().size(), "one split at a time");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 2, 3, 4, 5, 6})
  void aMoveCompletesWhereverItCrashes(int crashAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    ShardPlacement shard = cluster.state().topology().placement().shards().get(0);
    String from = shard.preferredLeader();
    String to = members(4).get(3).nodeId();
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(shard.shardId()).setFromNodeId(from).setToNodeId(to)).build(), 0, 0));
    long epochAtStart = cluster.state().epoch();

    runToEnd(cluster, crashAtPass);

    Operation move = cluster.state().operations().lastEntry().getValue();
    assertEquals(OperationStatus.OPERATION_SUCCEEDED, move.getStatus(), move.getDetail());
    ShardPlacement moved = cluster.state().topology().placement().shard(shard.shardId()).orElseThrow();
    assertTrue(moved.hasReplicaOn(to));
    assertFalse(moved.runsOn(from));
    assertEquals(to, moved.preferredLeader(), "the target leads in the source's place");
    assertTrue(cluster.state().epoch() > epochAtStart);
    assertGroupsMatchMeta(cluster);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 2, 3, 4, 5})
  void aRebuildTakesTheDamagedReplicaOutAndBringsItBackWhereverItCrashes(int crashAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    ShardPlacement shard = cluster.state().topology().placement().shards().get(2);
    String damaged = shard.replicaNodeIds().get(1);
    long epoch = cluster.state().epoch();
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setRebuildReplica(
        io.slotraft.proto.v1.RebuildReplicaSpec.newBuilder().setShardId(shard.shardId()).setNodeId(damaged)
            .setDamage("snapshot checksum mismatch")).build(), 0, 0));
    long id = cluster.state().operations().lastKey();
    for (int pass = 0; pass < MAX_PASSES && !cluster.state().runningOperations().isEmpty(); pass++) {
      cluster.pass(pass == crashAtPass);
    }
    assertEquals(OperationStatus.OPERATION_SUCCEEDED, cluster.state().operations().get(id).getStatus());
    assertEquals(2, cluster.fewestVoters(), "one voter fewer while rebuilt: the damaged one, never another");
    assertEquals(epoch, cluster.state().epoch(), "the placement did not change");
    assertGroupsMatchMeta(cluster);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 2, 3, 4, 5})
  void metasOwnDamagedReplicaIsRebuiltTheSameWayWhereverItCrashes(int crashAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    String damaged = cluster.state().topology().metaVoterNodeIds().get(1);
    long epoch = cluster.state().epoch();
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setRebuildReplica(
        io.slotraft.proto.v1.RebuildReplicaSpec.newBuilder().setShardId(ClusterTopology.META_GROUP)
            .setNodeId(damaged).setDamage("Raft log store lost")).build(), 0, 0));
    long id = cluster.state().operations().lastKey();
    assertEquals(OperationStatus.OPERATION_RUNNING, cluster.state().operations().get(id).getStatus(),
        "meta may rebuild its own replica: its other voters are a majority");
    for (int pass = 0; pass < MAX_PASSES && !cluster.state().runningOperations().isEmpty(); pass++) {
      cluster.pass(pass == crashAtPass);
    }
    assertEquals(OperationStatus.OPERATION_SUCCEEDED, cluster.state().operations().get(id).getStatus());
    assertEquals(2, cluster.fewestVoters(), "one voter fewer while rebuilt: the damaged one, never another");
    assertEquals(epoch, cluster.state().epoch(), "meta's voters did not change");
    assertTrue(cluster.metaGroup().voters.contains(
        cluster.state().topology().member(damaged).orElseThrow().raftEndpoint()), "a voter of meta again");
    assertGroupsMatchMeta(cluster);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void aMoveCancelledBeforeTheSourceLeavesRollsBackEverywhere(int cancelAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    ShardPlacement shard = cluster.state().topology().placement().shards().get(1);
    String from = shard.replicaNodeIds().get(1);
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(shard.shardId()).setFromNodeId(from).setToNodeId(members(4).get(3).nodeId())).build(), 0, 0));
    long id = cluster.state().operations().lastKey();
    for (int pass = 0; pass < cancelAtPass; pass++) {
      cluster.pass(false);
    }
    cluster.apply(MetaEntries.cancelOperation(id));

    runToEnd(cluster, cancelAtPass + 1);

    Operation move = cluster.state().operations().get(id);
    assertEquals(OperationStatus.OPERATION_CANCELLED, move.getStatus(), move.getDetail());
    assertEquals(shard, cluster.state().topology().placement().shard(shard.shardId()).orElseThrow());
    assertGroupsMatchMeta(cluster);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 3, 5, 8, 13})
  void aDrainEmptiesItsNodeWhereverItCrashes(int crashAtPass) throws InterruptedException {
    SimulatedCluster cluster = clusterWithAnEmptyFourthNode();
    // n3 is not one of meta's voters in a 4-node cluster? It is (the first 3 are): drain the joined node
    // after a rebalance has given it replicas.
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder()
        .setRebalance(RebalanceSpec.newBuilder().setMaxConcurrentMoves(2)).build(), 0, 0));
    runToEnd(cluster, crashAtPass);
    String n4 = members(4).get(3).nodeId();
    assertFalse(cluster.state().topology().placement().shardsOn(n4).isEmpty(), "the rebalance gave n4 replicas");
    assertGroupsMatchMeta(cluster);

    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder()
        .setDrainNode(DrainNodeSpec.newBuilder().setNodeId(n4).setMaxConcurrentMoves(2)).build(), 0, 0));
    long drain = cluster.state().operations().lastKey();
    runToEnd(cluster, crashAtPass);

    assertEquals(OperationStatus.OPERATION_SUCCEEDED, cluster.state().operations().get(drain).getStatus());
    assertTrue(cluster.state().topology().placement().shardsRunningOn(n4).isEmpty());
    assertGroupsMatchMeta(cluster);
    cluster.apply(MetaEntries.removeNode(n4));
    assertTrue(cluster.state().topology().member(n4).isEmpty(), "a drained node can be removed");
  }
}
