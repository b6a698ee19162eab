package io.slotraft.node.placement;

/**
 * A new preferred leader for a shard, chosen among its replicas after every replica move of the
 * {@link RebalancePlan}: {@code fromNode} is the preferred leader the moves leave behind,
 * {@code toNode} the one that evens out leaderships.
 */
public record LeaderMove(String shardId, String fromNode, String toNode) {}
