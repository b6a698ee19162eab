package io.slotraft.node.routing;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.ShardView;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.RemoteLeaders;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds this node's {@link ClusterView} from the placement and what Raft knows of each shard's
 * leader: a shard with a replica here asks that replica; any other shard asks {@link RemoteLeaders}
 * (which asks its peers, off the I/O threads). Until the meta group exists the topology never changes, so the
 * epoch is fixed at 1.
 */
public final class LocalTopology {
  static final long STATIC_EPOCH = 1;

  private final ClusterMember self;
  private final List<ClusterMember> members;
  private final Map<String, ClusterMember> byRaftEndpoint;
  private final ShardRouter router;
  private final RemoteLeaders remoteLeaders;

  public LocalTopology(ClusterMember self, List<ClusterMember> members, ShardRouter router, RemoteLeaders remoteLeaders) {
    this.self = self;
    this.members = List.copyOf(members);
    this.byRaftEndpoint = members.stream().collect(Collectors.toMap(ClusterMember::raftEndpoint, Function.identity()));
    this.router = router;
    this.remoteLeaders = remoteLeaders;
  }

  public ClusterView view() {
    List<ShardView> shards = router.placement().shards().stream()
        .map(shard -> new ShardView(shard.shardId(), shard.slotStart(), shard.slotEnd(),
            leaderOf(shard).map(ClusterMember::nodeId).orElse(null), shard.replicaNodeIds()))
        .toList();
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

  /** The member leading the shard that owns {@code slot}, wherever its replicas are. */
  public Optional<ClusterMember> leaderOfSlot(int slot) {
    return leaderOf(router.shardOfSlot(slot));
  }

  /** The shard's leader: from the local replica if there is one, else from its peers. */
  public Optional<ClusterMember> leaderOf(ShardPlacement shard) {
    Optional<Shard> local = router.localShard(shard.slotStart());
    if (local.isPresent()) {
      return leaderOf(local.get());
    }
    String groupId = ShardId.of(shard).groupId();
    Optional<ClusterMember> leader = remoteLeaders.leaderOf(groupId).map(byRaftEndpoint::get);
    if (leader.isEmpty()) {
      remoteLeaders.refresh(groupId);
    }
    return leader;
  }

  /** The placement's member by node id; every replica of the placement is a member. */
  public Optional<ClusterMember> member(String nodeId) {
    return members.stream().filter(m -> m.nodeId().equals(nodeId)).findFirst();
  }
}
