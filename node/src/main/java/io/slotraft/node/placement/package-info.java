/**
 * Where shards live: {@link io.slotraft.node.placement.PlacementPlanner} cuts the 16384 slots into
 * contiguous shards and assigns each shard's replicas and preferred leader to nodes, evenly, as a
 * pure function of the member list, the shard count and the replication factor. Every node computes
 * the same {@link io.slotraft.node.placement.Placement} from the same settings; when the meta group
 * arrives it records this plan once at bootstrap and becomes its source of truth. Nothing here
 * starts replicas or talks to other nodes.
 */
package io.slotraft.node.placement;
