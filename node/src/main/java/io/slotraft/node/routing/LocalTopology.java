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
 * Builds this node's {@link ClusterView} from meta's topology (members and epoch here, shards and
 * ranges in the router) and what Raft knows of each shard's leader: a shard with a replica here asks
 * that replica; any other shard asks {@link RemoteLeaders} (which asks its peers, off the I/O
 * threads). The node hands it each new meta topology through {@link #update}.
 */
public final class LocalTopology {
  /** Meta's members at one epoch, with the index Raft leader endpoints are resolved by. */
  private record Members(long epoch, List<ClusterMember> list, Map<String, ClusterMember> byRaftEndpoint) {
    static Members of(long epoch, List<ClusterMember> members) {
      return new Members(epoch, List.copyOf(members),
          members.stream().collect(Collectors.toMap(ClusterMember::raftEndpoint, Function.identity())));
    }
  }

  private final ClusterMember self;
  private final ShardRouter router;
  private final RemoteLeaders remoteLeaders;
  private volatile Members members;

  /** @param epoch the topology epoch {@code members} belong to (meta's; 0 before the node has read meta) */
  public LocalTopology(ClusterMember self, long epoch, List<ClusterMember> members, ShardRouter router,
      RemoteLeaders remoteLeaders) {
    this.self = self;
    this.members = Members.of(epoch, members);
    this.router = router;
    this.remoteLeaders = remoteLeaders;
  }

  /** Meta's members and epoch from now on; the router gets the shards of the same topology. */
  public void update(long epoch, List<ClusterMember> members) {
    this.members = Members.of(epoch, members);
  }

  public ClusterView view() {
    Members current = members;
    List<ShardView> shards = router.placement().shards().stream()
        .map(shard -> new ShardView(shard.shardId(), shard.slotStart(), shard.slotEnd(),
            leaderOf(shard).map(ClusterMember::nodeId).orElse(null), shard.replicaNodeIds()))
        .toList();
    return new ClusterView(current.epoch(), self, current.list(), shards);
  }

  public ClusterMember self() {
    return self;
  }

  public long epoch() {
    return members.epoch();
  }

  /** The member leading {@code shard}, as its local replica last heard. */
  public Optional<ClusterMember> leaderOf(Shard shard) {
    RaftReplica<?> replica = shard.replica();
    if (replica == null) {
      return Optional.empty();
    }
    return replica.leaderEndpoint().map(members.byRaftEndpoint()::get);
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
    Optional<ClusterMember> leader = remoteLeaders.leaderOf(groupId).map(members.byRaftEndpoint()::get);
    if (leader.isEmpty()) {
      remoteLeaders.refresh(groupId);
    }
    return leader;
  }

  /** The placement's member by node id; every replica of the placement is a member. */
  public Optional<ClusterMember> member(String nodeId) {
    return members.list().stream().filter(m -> m.nodeId().equals(nodeId)).findFirst();
  }
}
