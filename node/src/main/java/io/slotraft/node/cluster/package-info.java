/**
 * The cluster as clients see it: the node's view of members, shards and leaders
 * ({@link io.slotraft.node.cluster.ClusterView}), its mapping onto Redis Cluster's master and
 * replica roles, and the CLUSTER command that renders it in Redis Cluster's formats (NODES, SLOTS,
 * SHARDS, INFO). What changes the topology (meta, moves, splits) lives elsewhere; this package
 * only reports it.
 */
package io.slotraft.node.cluster;
