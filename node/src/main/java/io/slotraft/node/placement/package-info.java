/**
 * Where shards live: {@link io.slotraft.node.placement.PlacementPlanner} cuts the 16384 slots into
 * contiguous shards and assigns each shard's replicas and preferred leader to nodes, evenly, as a
 * pure function of the member list, the shard count and the replication factor. Every node computes
 * the same {@link io.slotraft.node.placement.Placement} from the same settings; the meta group records
 * this plan once at bootstrap and is the source of truth from then on ({@code io.slotraft.node.meta}). Nothing here
 * starts replicas or talks to other nodes.
 */
package io.slotraft.node.placement;
