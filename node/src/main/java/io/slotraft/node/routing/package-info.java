/** Keys to slots (CRC16 with hash tags, as Redis Cluster) and slots to the shard that owns them. */
package io.slotraft.node.routing;
