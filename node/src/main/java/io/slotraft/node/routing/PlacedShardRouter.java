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
 * of some of them. The placement never changes while the node runs (shards do not move or split
 * yet); when meta arrives it hands the router a new placement with each epoch.
 */
public final class PlacedShardRouter implements ShardRouter {
  private final Placement placement;
  private final Map<String, Shard> localById;
  private final List<Shard> local;

  /** @param localShards this node's replicas, one per shard of the placement placed here */
  public PlacedShardRouter(Placement placement, List<Shard> localShards) {
    this.placement = placement;
    this.local = localShards.stream()
        .sorted(Comparator.comparingInt(shard -> shard.id().slotStart())).toList();
    this.localById = local.stream().collect(Collectors.toMap(shard -> shard.id().id(), Function.identity()));
  }

  @Override
  public Optional<Shard> localShard(int slot) {
    return Optional.ofNullable(localById.get(placement.shardOfSlot(slot).shardId()));
  }

  /** In slot order, so that positions in this list are stable while the node runs (SCAN's cursor uses them). */
  @Override
  public Collection<Shard> localShards() {
    return local;
  }

  @Override
  public ShardPlacement shardOfSlot(int slot) {
    return placement.shardOfSlot(slot);
  }

  @Override
  public Placement placement() {
    return placement;
  }
}
