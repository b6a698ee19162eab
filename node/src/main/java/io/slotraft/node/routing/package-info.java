/**
 * Keys to slots (CRC16 with hash tags, as Redis Cluster) and slots to the shard that owns them, by the
 * topology meta recorded ({@link io.slotraft.node.routing.PlacedShardRouter}, {@link
 * io.slotraft.node.routing.LocalTopology}: both take each new meta topology whole). The cluster view
 * a node shows keeps a shard's last leader while it elects ({@link
 * io.slotraft.node.routing.LastKnownLeaders}); redirects use only the leader known now.
 */
package io.slotraft.node.routing;
