package io.slotraft.node.routing;

import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Routing by the cluster's {@link Placement}: every slot has a shard, and this node holds a replica
 * of some of them. The placement and the local replicas are replaced together ({@link #update})
 * when the node reconciles to a new meta topology or starts a replica; readers always see one
 * consistent pair.
 */
public final class PlacedShardRouter implements ShardRouter {
  /** One placement with this node's replicas of it; immutable, swapped whole. */
  private record Routes(Placement placement, List<Shard> local, Map<String, Shard> localById) {
    static Routes of(Placement placement, List<Shard> localShards) {
      List<Shard> local = localShards.stream()
          .sorted(Comparator.comparingInt(shard -> shard.id().slotStart())).toList();
      return new Routes(placement, local,
          local.stream().collect(Collectors.toMap(shard -> shard.id().id(), Function.identity())));
    }
  }

  private volatile Routes routes;

  /** @param localShards this node's replicas, one per shard of the placement placed here */
  public PlacedShardRouter(Placement placement, List<Shard> localShards) {
    this.routes = Routes.of(placement, localShards);
  }

  /** Routes by {@code placement} and {@code localShards} from now on. */
  public void update(Placement placement, List<Shard> localShards) {
    this.routes = Routes.of(placement, localShards);
  }

  @Override
  public Optional<Shard> localShard(int slot) {
    Routes current = routes;
    return Optional.ofNullable(current.localById().get(current.placement().shardOfSlot(slot).shardId()));
  }

  /**
   * In slot order, so that positions in this list are stable while the set of local replicas does
   * not change (SCAN's cursor uses them).
   */
  @Override
  public Collection<Shard> localShards() {
    return routes.local();
  }

  @Override
  public ShardPlacement shardOfSlot(int slot) {
    return routes.placement().shardOfSlot(slot);
  }

  @Override
  public Placement placement() {
    return routes.placement();
  }
}
