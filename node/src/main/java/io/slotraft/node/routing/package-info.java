/**
 * Keys to slots (CRC16 with hash tags, as Redis Cluster) and slots to the shard that owns them, by the
 * topology meta recorded ({@link io.slotraft.node.routing.PlacedShardRouter}, {@link
 * io.slotraft.node.routing.LocalTopology}: both take each new meta topology whole).
 */
package io.slotraft.node.routing;
