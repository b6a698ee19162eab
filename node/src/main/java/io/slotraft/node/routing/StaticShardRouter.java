package io.slotraft.node.routing;

import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Routing for a fixed set of local shards whose ranges never change. It covers today's layout (one
 * shard owning all 16384 slots, a replica on every node); the topology-driven router replaces it
 * when shards move and split.
 */
public final class StaticShardRouter implements ShardRouter {
  private final List<Shard> shards;

  public StaticShardRouter(List<Shard> shards) {
    this.shards = List.copyOf(shards);
  }

  @Override
  public Optional<Shard> localShard(int slot) {
    for (Shard shard : shards) {
      if (shard.id().owns(slot)) {
        return Optional.of(shard);
      }
    }
    return Optional.empty();
  }

  @Override
  public Collection<Shard> localShards() {
    return shards;
  }
}
