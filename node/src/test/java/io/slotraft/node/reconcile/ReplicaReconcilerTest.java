package io.slotraft.node.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private final MetaState state;

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
        }, (topology, shards) -> published.add(shards));
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
        }, (topology, shards) -> published.add(shards));
    reconciler.awaitFirstPass(Duration.ofSeconds(10), MEMBERS.subList(0, 3));
    int assigned = PLAN.placement().shardsOn(MEMBERS.get(0).nodeId()).size();
    assertEquals(assigned - 1, published.get(0).size());
    reconciler.run();
    assertEquals(assigned, published.get(1).size());
  }

  @Test
  void aMetaThatNeverAnswersEndsTheWaitWithWhatToCheck() {
    ReplicaReconciler reconciler = new ReplicaReconciler(MEMBERS.get(0), PLAN,
        new ScriptedMeta(Integer.MAX_VALUE, MetaState.EMPTY), (placed, topology) -> shard(placed), (t, s) -> {});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> reconciler.awaitFirstPass(Duration.ofMillis(300), MEMBERS.subList(0, 3)));
    assertTrue(e.getMessage().contains("majority of its members [n1, n2, n3]"), e.getMessage());
    assertTrue(e.getMessage().contains("--meta-wait-secs"), e.getMessage());
  }

  @Test
  void aNodeMetaDoesNotListRefusesToStart() {
    ClusterTopology withoutN4 = BootstrapPlan.fromConfig(MEMBERS.subList(0, 3), 8, 3);
    ReplicaReconciler reconciler = new ReplicaReconciler(MEMBERS.get(3), PLAN,
        new ScriptedMeta(0, bootstrapped(withoutN4)), (placed, topology) -> shard(placed), (t, s) -> {});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> reconciler.awaitFirstPass(Duration.ofSeconds(10), MEMBERS.subList(0, 3)));
    assertTrue(e.getMessage().contains("not a member of the cluster meta recorded"), e.getMessage());
  }
}
