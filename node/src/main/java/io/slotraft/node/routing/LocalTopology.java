package io.slotraft.node.routing;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.ShardView;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.shard.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds this node's {@link ClusterView} from the configured members and what its Raft replicas know
 * of their leaders and peers. Until the meta group exists the topology never changes, so the epoch
 * is fixed at 1.
 */
public final class LocalTopology {
  static final long STATIC_EPOCH = 1;

  private final ClusterMember self;
  private final List<ClusterMember> members;
  private final Map<String, ClusterMember> byRaftEndpoint;
  private final ShardRouter router;

  public LocalTopology(ClusterMember self, List<ClusterMember> members, ShardRouter router) {
    this.self = self;
    this.members = List.copyOf(members);
    this.byRaftEndpoint = members.stream().collect(Collectors.toMap(ClusterMember::raftEndpoint, Function.identity()));
    this.router = router;
  }

  public ClusterView view() {
    List<ShardView> shards = new ArrayList<>();
    for (Shard shard : router.localShards()) {
      shards.add(shardView(shard));
    }
    return new ClusterView(STATIC_EPOCH, self, members, shards);
  }

  public ClusterMember self() {
    return self;
  }

  public long epoch() {
    return STATIC_EPOCH;
  }

  /** The member leading {@code shard}, as its local replica last heard. */
  public Optional<ClusterMember> leaderOf(Shard shard) {
    RaftReplica replica = shard.replica();
    if (replica == null) {
      return Optional.empty();
    }
    return replica.leaderEndpoint().map(byRaftEndpoint::get);
  }

  private ShardView shardView(Shard shard) {
    RaftReplica replica = shard.replica();
    List<String> replicas = replica == null
        ? List.of()
        : replica.peerEndpoints().stream().map(byRaftEndpoint::get).filter(m -> m != null)
            .map(ClusterMember::nodeId).toList();
    String leader = leaderOf(shard).map(ClusterMember::nodeId).orElse(null);
    return new ShardView(shard.id().id(), shard.id().slotStart(), shard.id().slotEnd(), leader, replicas);
  }
}
