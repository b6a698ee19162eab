package io.slotraft.node.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.BootstrapPlan;
import io.slotraft.node.meta.MemberReport;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.ProposalOutcome;
import io.slotraft.node.operation.split.AutoSplitPolicy;
import io.slotraft.node.operation.split.AutoSplitter;
import io.slotraft.node.operation.split.SplitShardKind;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The auto-split policy against meta's real state machine fed with node reports, and the splitter
 * that runs it on the meta leader with a driven clock: the largest shard over a threshold splits
 * where its keys halve, one at a time, and not again until the nodes have reported since.
 */
class AutoSplitTest {
  private static final List<ClusterMember> MEMBERS = OperationCrashTest.members(3);

  /** Three members with 4 shards; n1 reports leading them all with the given keys and bytes. */
  private static SimulatedCluster cluster(long[] keys, long[] bytes) {
    SimulatedCluster cluster = new SimulatedCluster(MetaEntries.bootstrap(BootstrapPlan.fromConfig(MEMBERS, 4, 3), "n1"));
    report(cluster, keys, bytes);
    return cluster;
  }

  private static void report(SimulatedCluster cluster, long[] keys, long[] bytes) {
    List<MemberReport.ReportedShard> shards = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      shards.add(new MemberReport.ReportedShard("s" + (i + 1), true, bytes[i], keys[i]));
    }
    cluster.apply(MetaEntries.nodeReport(new MemberReport(MEMBERS.get(0).nodeId(), 0, shards)));
  }

  private static OperationSpec split(String shard, String reason) {
    return OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder().setShardId(shard)
        .setSplitSlot(SplitShardKind.HALVING_SLOT).setReason(reason)).build();
  }

  @Test
  void theLargestShardOverAThresholdSplitsWhereItsKeysHalve() {
    MetaState state = cluster(new long[] {10, 5_000, 9_000, 20}, new long[] {1, 1, 1, 1 << 30}).state();
    assertEquals(Optional.of(split("s3", "automatic: 9000 keys, over --auto-split-keys 1000")),
        new AutoSplitPolicy(1_000, 0).next(state));
    assertEquals(Optional.of(split("s4", "automatic: " + (1 << 30) + " bytes, over --auto-split-bytes 1000000")),
        new AutoSplitPolicy(0, 1_000_000).next(state));
    assertEquals(Optional.empty(), new AutoSplitPolicy(10_000, 0).next(state), "none over");
    assertEquals(Optional.empty(), new AutoSplitPolicy(0, 0).next(state), "off");
  }

  @Test
  void noSplitWhileAnotherSplitOrMergeRuns() {
    SimulatedCluster cluster = cluster(new long[] {5_000, 5_000, 5_000, 5_000}, new long[] {1, 1, 1, 1});
    cluster.apply(MetaEntries.startOperation(split("s1", ""), 0, 0));
    assertEquals(Optional.empty(), new AutoSplitPolicy(1_000, 0).next(cluster.state()));
  }

  @Test
  void theSplitterStartsOneSplitThenWaitsForFreshReports() throws Exception {
    SimulatedCluster cluster = cluster(new long[] {10, 5_000, 10, 10}, new long[] {1, 1, 1, 1});
    AtomicLong clock = new AtomicLong();
    List<MetaCommand> proposed = new ArrayList<>();
    AutoSplitter splitter = new AutoSplitter(new AutoSplitPolicy(1_000, 0), () -> true,
        () -> CompletableFuture.completedFuture(cluster.state()), command -> {
          proposed.add(command);
          cluster.apply(command);
          return CompletableFuture.completedFuture(new ProposalOutcome(true, "started", 0, 0));
        }, clock::get);

    splitter.pass();
    assertTrue(proposed.isEmpty(), "a new meta leader first waits for the nodes' reports");
    clock.addAndGet(40_000);
    splitter.pass();
    assertEquals(1, proposed.size());
    assertEquals("s2", proposed.get(0).getStartOperation().getSpec().getSplitShard().getShardId());

    OperationCrashTest.runToEnd(cluster, -1); // the split runs; s2's old report still says 5,000 keys
    clock.addAndGet(5_000);
    splitter.pass();
    assertEquals(1, proposed.size(), "no second split on a report from before the first");
  }
}
