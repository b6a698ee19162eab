package io.slotraft.node.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Catalogs;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.BootstrapPlan;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.MetaStateMachine;
import io.slotraft.node.metagroup.MetaSource;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reconciler's passes against a scripted meta, with replicas that are never really started. */
class ReplicaReconcilerTest {
  private static final List<ClusterMember> MEMBERS = IntStream.rangeClosed(1, 4)
      .mapToObj(i -> new ClusterMember(String.format("%040x", i), "n" + i, "127.0.0.1", 1, 2, 3, 4)).toList();
  private static final ClusterTopology PLAN = BootstrapPlan.fromConfig(MEMBERS, 8, 3);

  /** A meta that answers nothing for {@code silentReads} reads, then the bootstrapped state. */
  private static final class ScriptedMeta implements MetaSource {
    private int silentReads;
    private volatile MetaState state;

    ScriptedMeta(int silentReads, MetaState state) {
      this.silentReads = silentReads;
      this.state = state;
    }

    @Override
    public Optional<MetaState> read() {
      return silentReads-- > 0 ? Optional.empty() : Optional.of(state);
    }

    @Override
    public String describe() {
      return "a scripted meta";
    }

    @Override
    public void close() {}
  }

  private static MetaState bootstrapped(ClusterTopology plan) {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(1, MetaEntries.bootstrap(plan, "n1"));
    return meta.state();
  }

  /** A node that never has anything to retire. */
  private static final ReplicaReconciler.ReplicaRetirer NO_RETIREMENT = new ReplicaReconciler.ReplicaRetirer() {
    @Override
    public void retire(Shard running) {
      throw new AssertionError("nothing is moved away in this test: " + running.id());
    }

    @Override
    public void retireStale(Predicate<String> keep) {
      // no directories in this test
    }
  };

  private static Shard shard(ShardPlacement placed) {
    return new Shard(ShardId.of(placed), new ShardStateMachine(Catalogs.keyspaceOnly()), new SstSnapshotStore(),
        () -> 0, 16);
  }

  @Test
  void theFirstPassWaitsForMetaThenStartsEveryAssignedReplicaAndPublishesOnce() {
    List<String> started = new ArrayList<>();
    List<List<Shard>> published = new ArrayList<>();
    ReplicaReconciler reconciler = new ReplicaReconciler(MEMBERS.get(3), PLAN, new ScriptedMeta(2, bootstrapped(PLAN)),
        (placed, topology) -> {
          started.add(placed.shardId());
          return shard(placed);
        }, NO_RETIREMENT, () -> { }, topology -> { }, (topology, shards) -> published.add(shards));
    ClusterTopology topology = reconciler.awaitFirstPass(Duration.ofSeconds(10), MEMBERS.subList(0, 3));
    assertEquals(PLAN, topology);
    assertEquals(PLAN.placement().shardsOn(MEMBERS.get(3).nodeId()).stream().map(ShardPlacement::shardId).toList(),
        started);
    assertEquals(1, published.size());

    reconciler.run(); // nothing new: no start, no publication
    assertEquals(1, published.size());
  }

  @Test
  void aReplicaThatFailedToStartIsStartedByALaterPass() {
    List<String> failOnce = new ArrayList<>(List.of(PLAN.placement().shardsOn(MEMBERS.get(0).nodeId()).get(1).shardId()));
    List<List<Shard>> published = new ArrayList<>();
    ReplicaReconciler reconciler = new ReplicaReconciler(MEMBERS.get(0), PLAN, new ScriptedMeta(0, bootstrapped(PLAN)),
        (placed, topology) -> {
          if (failOnce.remove(placed.shardId())) {
            throw new IOException("disk full");
          }
          return shard(placed);
        }, NO_RETIREMENT, () -> { }, topology -> { }, (topology, shards) -> published.add(shards));
    reconciler.awaitFirstPass(Duration.ofSeconds(10), MEMBERS.subList(0, 3));
    int assigned = PLAN.placement().shardsOn(MEMBERS.get(0).nodeId()).size();
    assertEquals(assigned - 1, published.get(0).size());
    reconciler.run();
    assertEquals(assigned, published.get(1).size());
  }

  @Test
  void aMetaThatNeverAnswersEndsTheWaitWithWhatToCheck() {
    ReplicaReconciler reconciler = new ReplicaReconciler(MEMBERS.get(0), PLAN,
        new ScriptedMeta(Integer.MAX_VALUE, MetaState.EMPTY), (placed, topology) -> shard(placed), NO_RETIREMENT,
        () -> { }, topology -> { }, (t, s) -> {});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> reconciler.awaitFirstPass(Duration.ofMillis(300), MEMBERS.subList(0, 3)));
    assertTrue(e.getMessage().contains("majority of its members [n1, n2, n3]"), e.getMessage());
    assertTrue(e.getMessage().contains("--meta-wait-secs"), e.getMessage());
  }

  @Test
  void aNodeMetaDoesNotListAsksToJoinAndWaitsToBeListed() {
    ClusterTopology withoutN4 = BootstrapPlan.fromConfig(MEMBERS.subList(0, 3), 8, 3);
    AtomicInteger joins = new AtomicInteger();
    ReplicaReconciler reconciler = new ReplicaReconciler(MEMBERS.get(3), PLAN,
        new ScriptedMeta(0, bootstrapped(withoutN4)), (placed, topology) -> shard(placed), NO_RETIREMENT,
        joins::incrementAndGet, topology -> { }, (t, s) -> {});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> reconciler.awaitFirstPass(Duration.ofMillis(500), MEMBERS.subList(0, 3)));
    assertTrue(e.getMessage().contains("no topology from meta"), e.getMessage());
    assertEquals(1, joins.get(), "asked to join once, then waited (it asks again every few seconds)");
  }

  @Test
  void aPassRetiresTheReplicasMetaTookAwayAndKeepsTheOthers() {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(1, MetaEntries.bootstrap(PLAN, "n1"));
    ScriptedMeta source = new ScriptedMeta(0, meta.state());
    List<String> retired = new ArrayList<>();
    List<Predicate<String>> kept = new ArrayList<>();
    ReplicaReconciler.ReplicaRetirer retirer = new ReplicaReconciler.ReplicaRetirer() {
      @Override
      public void retire(Shard running) {
        retired.add(running.id().id());
      }

      @Override
      public void retireStale(Predicate<String> keep) {
        kept.add(keep);
      }
    };
    List<List<Shard>> published = new ArrayList<>();
    ClusterMember self = MEMBERS.get(0);
    ReplicaReconciler reconciler = new ReplicaReconciler(self, PLAN, source, (placed, topology) -> shard(placed),
        retirer, () -> { }, topology -> { }, (t, shards) -> published.add(shards));
    reconciler.awaitFirstPass(Duration.ofSeconds(10), MEMBERS.subList(0, 3));
    ShardPlacement moved = PLAN.placement().shardsOn(self.nodeId()).get(0);
    String target = MEMBERS.stream().map(ClusterMember::nodeId).filter(id -> !moved.runsOn(id)).findFirst().orElseThrow();
    meta.apply(2, MetaEntries.startOperation(OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder()
        .setShardId(moved.shardId()).setFromNodeId(self.nodeId()).setToNodeId(target)).build(), 0, 0).toByteArray());
    Operation move = meta.state().runningOperations().get(0);
    meta.apply(3, MetaEntries.advanceOperation(OperationRunner.progress(move, "", 0).toBuilder()
        .setToStep("DONE").setStatus(OperationStatus.OPERATION_SUCCEEDED).build()).toByteArray());
    source.state = meta.state();

    reconciler.run();
    assertEquals(List.of(moved.shardId()), retired);
    int assigned = PLAN.placement().shardsOn(self.nodeId()).size();
    assertEquals(assigned - 1, published.get(published.size() - 1).size());
    assertFalse(kept.get(kept.size() - 1).test(moved.shardId()));
    assertTrue(kept.get(kept.size() - 1).test("s999"), "a shard meta does not know yet (a split's seed) is kept");
  }
}
