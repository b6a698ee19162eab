package io.slotraft.node.routing;

import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.Optional;

/** Which of this node's shard replicas owns a slot. */
public interface ShardRouter {

  /** This node's replica of the shard that owns {@code slot}, if it hosts one. */
  Optional<Shard> localShard(int slot);

  /** Every shard replica hosted on this node. */
  Collection<Shard> localShards();
}
