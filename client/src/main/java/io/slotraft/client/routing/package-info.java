/**
 * Which node gets a command, and the channels to reach it. The slot of a key is computed here
 * ({@link io.slotraft.proto.SlotHash}, Redis Cluster's CRC16 with hash tags); the
 * {@link io.slotraft.client.routing.SlotMap} says which shard owns the slot and who leads it, at
 * which topology epoch; the {@link io.slotraft.client.routing.SlotRouter} holds the current map
 * and applies what topologies, redirects and failures teach. {@link io.slotraft.client.routing.ChannelPool}
 * keeps one gRPC channel per node. No I/O decisions here: loading topologies is in {@code topology},
 * retry decisions in {@code retry} and {@code dispatch}.
 */
package io.slotraft.client.routing;
