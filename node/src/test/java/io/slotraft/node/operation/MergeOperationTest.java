package io.slotraft.node.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.operation.merge.MergeStep;
import io.slotraft.node.operation.split.SplitShardKind;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.MergeShardsSpec;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merges driven step by step against meta's state machine and the model of the Raft groups in
 * {@link SimulatedCluster}, with a crash (a step acted, its record was lost) after every pass in
 * turn, as {@link OperationCrashTest} does for the other kinds.
 */
class MergeOperationTest {

  private static OperationSpec merge(String target, String source) {
    return OperationSpec.newBuilder().setMergeShards(MergeShardsSpec.newBuilder().setTargetShardId(target)
        .setSourceShardId(source)).build();
  }

  /** The 4-shard cluster of {@link OperationCrashTest} with s2's replica on n1 moved to n4: s1 and s2 apart. */
  private static SimulatedCluster clusterWithS2Apart() throws InterruptedException {
    SimulatedCluster cluster = OperationCrashTest.clusterWithAnEmptyFourthNode();
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId("s2").setFromNodeId(OperationCrashTest.members(4).get(0).nodeId())
        .setToNodeId(OperationCrashTest.members(4).get(3).nodeId())).build(), 0, 0));
    OperationCrashTest.runToEnd(cluster, -1);
    assertFalse(cluster.state().topology().placement().shard("s2").orElseThrow()
        .hasReplicaOn(OperationCrashTest.members(4).get(0).nodeId()));
    return cluster;
  }

  private static Operation last(SimulatedCluster cluster) {
    return cluster.state().operations().lastEntry().getValue();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 2, 5, 8, 9, 10, 11, 12})
  void aMergeCoLocatesTheReplicasThenTheTargetOwnsBothRangesOnceWhereverItCrashes(int crashAtPass)
      throws InterruptedException {
    SimulatedCluster cluster = clusterWithS2Apart();
    ShardPlacement target = cluster.state().topology().placement().shard("s1").orElseThrow();
    ShardPlacement source = cluster.state().topology().placement().shard("s2").orElseThrow();
    long epochBefore = cluster.state().epoch();
    cluster.apply(MetaEntries.startOperation(merge("s1", "s2"), 0, 0));
    long id = cluster.state().operations().lastKey();

    OperationCrashTest.runToEnd(cluster, crashAtPass);

    Operation merge = cluster.state().operations().get(id);
    assertEquals(OperationStatus.OPERATION_SUCCEEDED, merge.getStatus(), merge.getDetail());
    assertEquals(List.of("CO_LOCATE", "PREPARE", "AWAIT_FROZEN", "COMMIT"),
        merge.getHistoryList().stream().map(step -> step.getStep()).distinct().toList());
    assertEquals(2000 + id, merge.getSpec().getMergeShards().getSourceIndex(), "the freeze entry's index, recorded");
    List<ShardPlacement> shards = cluster.state().topology().placement().shards();
    assertEquals(3, shards.size());
    assertTrue(cluster.state().topology().placement().shard("s2").isEmpty(), "the source is retired");
    ShardPlacement merged = shards.get(0);
    assertEquals("s1", merged.shardId());
    assertEquals(target.slotStart(), merged.slotStart());
    assertEquals(source.slotEnd(), merged.slotEnd());
    assertEquals(new ShardPlacement.SlotRange(target.slotStart(), target.slotEnd()), merged.initialRange(),
        "a replica replaying s1's log from the start owns its first range until the COMMIT");
    assertEquals(target.replicaNodeIds(), merged.replicaNodeIds());
    assertEquals(1, cluster.mergeCommits(), "one COMMIT whatever was retried");
    assertTrue(cluster.state().epoch() > epochBefore);
    OperationCrashTest.assertGroupsMatchMeta(cluster);
  }

  @Test
  void aSourceReplicaThatNeverAppliesTheFreezeRollsTheMergeBackAndTheSourceServesAgain() throws InterruptedException {
    SimulatedCluster cluster = OperationCrashTest.clusterWithAnEmptyFourthNode();
    String endpoint = OperationCrashTest.members(3).get(2).raftEndpoint();
    cluster.lagging.add("shard-s3@" + endpoint);
    cluster.apply(MetaEntries.startOperation(merge("s4", "s3"), 0, 0));

    OperationCrashTest.runToEnd(cluster, -1);

    Operation merge = last(cluster);
    assertEquals(OperationStatus.OPERATION_FAILED, merge.getStatus());
    assertTrue(merge.getDetail().contains("rolled back") && merge.getDetail().contains("n3"), merge.getDetail());
    assertFalse(cluster.frozen("s3"), "the source was let go");
    assertEquals(0, cluster.mergeCommits());
    assertEquals(4, cluster.state().topology().placement().shards().size(), "nothing changed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CO_LOCATE", "PREPARE", "AWAIT_FROZEN"})
  void aCancelBeforeTheCommitLetsTheSourceGo(String step) throws InterruptedException {
    SimulatedCluster cluster = clusterWithS2Apart();
    String endpoint = OperationCrashTest.members(4).get(3).raftEndpoint();
    cluster.lagging.add("shard-s2@" + endpoint); // holds the merge at AWAIT_FROZEN until cancelled
    cluster.apply(MetaEntries.startOperation(merge("s1", "s2"), 0, 0));
    long id = cluster.state().operations().lastKey();
    for (int pass = 0; pass < 50 && !cluster.state().operations().get(id).getStep().equals(step); pass++) {
      cluster.pass(false);
    }
    assertEquals(step, cluster.state().operations().get(id).getStep());
    cluster.apply(MetaEntries.cancelOperation(id));

    OperationCrashTest.runToEnd(cluster, -1);

    Operation merge = cluster.state().operations().get(id);
    assertEquals(OperationStatus.OPERATION_CANCELLED, merge.getStatus(), merge.getDetail());
    assertFalse(cluster.frozen("s2"));
    assertEquals(4, cluster.state().topology().placement().shards().size());
    OperationCrashTest.assertGroupsMatchMeta(cluster);
  }

  @Test
  void refusesShardsThatAreNotNeighboursOrBusyAndOneSplitOrMergeRunsAtATime() {
    SimulatedCluster cluster = OperationCrashTest.clusterWithAnEmptyFourthNode();
    int operations = cluster.state().operations().size();
    cluster.apply(MetaEntries.startOperation(merge("s1", "s3"), 0, 0));
    cluster.apply(MetaEntries.startOperation(merge("s1", "s1"), 0, 0));
    cluster.apply(MetaEntries.startOperation(merge("s1", "s9"), 0, 0));
    assertEquals(operations, cluster.state().operations().size(), "not neighbours, itself, no such shard");

    cluster.apply(MetaEntries.startOperation(merge("s2", "s1"), 0, 0));
    assertEquals(operations + 1, cluster.state().operations().size(), "either neighbour may take the other in");
    assertEquals(MergeStep.CO_LOCATE.name(), last(cluster).getStep());
    cluster.apply(MetaEntries.startOperation(merge("s3", "s4"), 0, 0));
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
        .setShardId("s4").setSplitSlot(SplitShardKind.HALVING_SLOT)).build(), 0, 0));
    cluster.apply(MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId("s2").setFromNodeId(OperationCrashTest.members(4).get(0).nodeId())
        .setToNodeId(OperationCrashTest.members(4).get(3).nodeId())).build(), 0, 0));
    assertEquals(operations + 1, cluster.state().operations().size(),
        "one split or merge at a time, and the target's replicas stay put");
  }
}
