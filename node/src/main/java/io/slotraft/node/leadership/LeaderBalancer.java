package io.slotraft.node.leadership;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One pass of leader balancing over this node's replicas; run every few seconds (see the package comment). */
public final class LeaderBalancer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderBalancer.class);
  /** How often leaders are checked: a restarted node leads its share again within about this long. */
  public static final long INTERVAL_MS = 3_000;

  private final Supplier<Collection<Shard>> shards;
  private final Supplier<Placement> placement;
  private final ClusterMember self;
  private final Function<String, Optional<ClusterMember>> members;

  /**
   * @param placement meta's current placement (whose preferred leaders are the targets)
   * @param members meta's members by node id
   */
  public LeaderBalancer(Supplier<Collection<Shard>> shards, Supplier<Placement> placement, ClusterMember self,
      Function<String, Optional<ClusterMember>> members) {
    this.shards = shards;
    this.placement = placement;
    this.self = self;
    this.members = members;
  }

  @Override
  public void run() {
    if (placement.get().shards().size() < 2) {
      // With one shard any leader is as balanced as another: moving it would only interrupt clients.
      return;
    }
    for (Shard shard : shards.get()) {
      try {
        balance(shard);
      } catch (RuntimeException e) {
        LOG.warn("[{}] leader balancing failed: {}", shard.id().id(), e.toString());
      }
    }
  }

  private void balance(Shard shard) {
    RaftReplica<?> replica = shard.replica();
    if (replica == null || !shard.isLeader()) {
      return;
    }
    Optional<ClusterMember> preferred = placement.get().shard(shard.id().id()).map(ShardPlacement::preferredLeader)
        .flatMap(members);
    if (preferred.isEmpty() || preferred.get().nodeId().equals(self.nodeId())) {
      return;
    }
    String target = preferred.get().raftEndpoint();
    if (!replica.alivePeerEndpoints().contains(target)) {
      return;
    }
    if (replica.transferLeadershipTo(target)) {
      LOG.info("[{}] handing leadership to its preferred leader {}", shard.id().id(), preferred.get().name());
    }
  }
}
