/**
 * Where shards live: {@link io.slotraft.node.placement.PlacementPlanner} cuts the 16384 slots into
 * contiguous shards and assigns each shard's replicas and preferred leader to nodes, evenly, as a
 * pure function of the member list, the shard count and the replication factor. Every node computes
 * the same {@link io.slotraft.node.placement.Placement} from the same settings; the meta group records
 * this plan once at bootstrap and is the source of truth from then on ({@code io.slotraft.node.meta}).
 *
 * <p>When nodes join or are drained, {@link io.slotraft.node.placement.RebalancePlanner} decides, as a
 * pure function too, which replicas move where: a {@link io.slotraft.node.placement.RebalancePlan} of
 * replica moves in waves, then preferred-leader moves, that leaves replica counts, bytes and preferred
 * leaders even and the draining nodes empty. Its passes live beside it: {@code CountBalance},
 * {@code ByteBalance} and {@code LeaderBalance}, over the working copy {@code ReplicaLayout}.
 *
 * <p>Nothing here starts replicas, moves data or talks to other nodes: carrying out a plan, and
 * surviving a crash halfway through it, belongs to the package that runs the moves.
 */
package io.slotraft.node.placement;
