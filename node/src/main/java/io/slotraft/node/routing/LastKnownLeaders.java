package io.slotraft.node.routing;

import io.slotraft.node.placement.ShardPlacement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leader a node shows for each shard in its cluster view (see {@link LocalTopology#view}): the
 * one known now, else, while the shard elects, the last one known, for as long as it still holds a
 * replica of the shard.
 */
final class LastKnownLeaders {
  /** Per shard id, the last leader's node id. */
  private final Map<String, String> lastByShard = new ConcurrentHashMap<>();

  /**
   * @param known the shard's leader as this node knows it now, if any
   * @return the node id to show as the shard's leader, or null for none
   */
  String show(ShardPlacement shard, Optional<String> known) {
    if (known.isPresent()) {
      lastByShard.put(shard.shardId(), known.get());
      return known.get();
    }
    String last = lastByShard.get(shard.shardId());
    return last != null && shard.replicaNodeIds().contains(last) ? last : null;
  }
}
