/**
 * Which node gets a command, and the channels to reach it. {@link io.slotraft.client.routing.LeaderTracker}
 * answers "which node for this key": today the last leader a node named in a NOT_LEADER reply, or
 * the seeds in turn; it is the piece that becomes a slot map when there are many shards.
 * {@link io.slotraft.client.routing.ChannelPool} keeps one gRPC channel per node. No retry decisions
 * here; those are in {@code retry} and {@code dispatch}.
 */
package io.slotraft.client.routing;
