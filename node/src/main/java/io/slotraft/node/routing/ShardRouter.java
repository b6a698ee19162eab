package io.slotraft.node.routing;

import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.Optional;

/** Which shard owns a slot, and which shard replicas this node hosts. */
public interface ShardRouter {

  /** This node's replica of the shard that owns {@code slot}, if it hosts one. */
  Optional<Shard> localShard(int slot);

  /** Every shard replica hosted on this node, in slot order. */
  Collection<Shard> localShards();

  /** The shard that owns {@code slot}, wherever its replicas are. */
  ShardPlacement shardOfSlot(int slot);

  /** Every shard of the cluster and where its replicas are. */
  Placement placement();
}
