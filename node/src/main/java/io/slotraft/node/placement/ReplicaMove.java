package io.slotraft.node.placement;

/**
 * One replica move of a {@link RebalancePlan}: the replica of {@code shardId} on {@code fromNode}
 * goes to {@code toNode}, which does not hold the shard before the move.
 *
 * @param bytes the shard's estimated size, what the move copies
 * @param wave the moves of one wave may run at once; wave {@code w + 1} starts when wave {@code w}
 *     has finished. A shard moves at most once per wave.
 */
public record ReplicaMove(String shardId, String fromNode, String toNode, long bytes, int wave) {}
