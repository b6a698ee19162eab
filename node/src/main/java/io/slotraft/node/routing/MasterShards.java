package io.slotraft.node.routing;

import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The keys this node answers keyless commands (DBSIZE, KEYS, SCAN, INFO keyspace ...) for, the way
 * a Redis Cluster node does: a master answers for its own slots, a replica for the copy it holds of
 * its one master's slots. Tools that add up DBSIZE or walk SCAN across the cluster ask masters
 * only, so each key is counted once.
 *
 * <p>In Redis terms (see {@code cluster.ClusterRoles}, which renders the same rule): a node leading
 * any shard is a master, of the shards it leads; a node leading none whose shards all follow one
 * leader is that leader's replica, holding a copy of all of them (with one shard, every follower);
 * any other node is a master without slots, answering for nothing.
 */
public final class MasterShards {
  private MasterShards() {}

  /** The local replicas whose keys this node answers for, in the order given. */
  public static List<Shard> of(Collection<Shard> local) {
    List<Shard> led = local.stream().filter(Shard::isLeader).toList();
    if (!led.isEmpty()) {
      return led;
    }
    // Leaders not known yet count as the same one: a read on them fails over to TRYAGAIN.
    long leaders = local.stream().map(MasterShards::leaderEndpoint).flatMap(Optional::stream).distinct().count();
    return leaders <= 1 ? List.copyOf(local) : List.of();
  }

  private static Optional<String> leaderEndpoint(Shard shard) {
    return shard.replica() == null ? Optional.empty() : shard.replica().leaderEndpoint();
  }
}
