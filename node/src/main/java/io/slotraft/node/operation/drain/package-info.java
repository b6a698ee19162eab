/**
 * Draining a node: every replica it holds moves to other nodes, so that it can be removed.
 *
 * <p>Meta's start marks the node draining: no move, drain or rebalance places a replica on it, and
 * clients see no change. Then one step, {@code MOVE_REPLICAS}, taken again every pass: while the node
 * still holds a voting replica, start moves (child operations) of its shards to the member that is
 * not draining, does not run the shard and holds the fewest replicas, at most {@code
 * max_concurrent_moves} at a time and never two of one shard; when it holds nothing and no move is
 * running, the drain SUCCEEDS and the mark stays until the node is removed. A cancel cancels the
 * running moves (each rolls back or finishes, see {@code move}), waits for them, clears the mark and
 * ends CANCELLED.
 *
 * <p>A crash between passes loses nothing: the step reads what the node still holds and which moves
 * run from meta each time, so a new meta leader starts exactly the moves still needed. A node that
 * holds one of meta's votes cannot be drained yet (moving meta's voters is not built); meta refuses
 * such a drain at its start.
 */
package io.slotraft.node.operation.drain;
