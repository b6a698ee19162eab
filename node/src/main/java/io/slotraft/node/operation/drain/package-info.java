/**
 * Draining a node: every replica it holds moves to other nodes, so that it can be removed.
 *
 * <p>Meta's start marks the node draining: no move, drain or rebalance places a replica on it, and
 * clients see no change. Then the steps, each taken again every pass:
 * <ol>
 *   <li>{@code MOVE_REPLICAS}: while the node still holds a voting replica, start moves (child
 *       operations) of its shards to the member that is not draining, does not run the shard and
 *       holds the fewest replicas, at most {@code max_concurrent_moves} at a time and never two of
 *       one shard; when it holds none and no move runs, go on.
 *   <li>{@code MOVE_META_VOTE}: if the node holds one of meta's votes, move it (a child move of the
 *       group {@code meta}, the same steps as a shard's) to a member that is not draining and runs
 *       no replica of meta; when the node holds nothing, the drain SUCCEEDS and the mark stays
 *       until the node is removed.
 * </ol> A cancel cancels the
 * running moves (each rolls back or finishes, see {@code move}), waits for them, clears the mark and
 * ends CANCELLED.
 *
 * <p>A crash between passes loses nothing: the step reads what the node still holds and which moves
 * run from meta each time, so a new meta leader starts exactly the moves still needed. A node that
 * holds one of meta's votes keeps it until its shard replicas are gone, so meta keeps its voters
 * through the longest part of the drain; while its vote moves, meta has one voter more, as a shard
 * does during a move.
 */
package io.slotraft.node.operation.drain;
