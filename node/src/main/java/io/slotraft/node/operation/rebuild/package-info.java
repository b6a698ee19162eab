/**
 * Rebuilding a replica (a shard's, or meta's own) whose data on its node is damaged, asked for by
 * that node and driven
 * by the meta leader like every other change of a group's membership, so that meta stays the one
 * source of truth for it.
 *
 * <p>Simply wiping the copy and starting again would not be safe: the replica may have counted
 * toward committing entries it no longer has, so a later election could lose them (Raft assumes a
 * voter keeps what it acknowledged). So:
 * <ol>
 *   <li>{@code REMOVE_DAMAGED}: the shard's leader takes the replica out of the group while its
 *       damaged copy stays untouched on its node (which never starts it).
 *   <li>{@code AWAIT_EMPTY}: the node, seeing the operation past the first step, sets the damaged
 *       copy aside and starts the replica empty, outside the group and serving nothing.
 *   <li>{@code ADD_LEARNER}, {@code CATCH_UP}, {@code PROMOTE}: as in a move, the leader adds it as a
 *       learner, installs a snapshot and the log, and makes it a voter again.
 * </ol>
 * A crash between any two steps resumes at the recorded one; each checks the group first (a
 * replica already out, already a learner, already voting). Between REMOVE_DAMAGED and PROMOTE the
 * shard has one voter fewer: the damaged replica could not be counted on anyway, and the others
 * keep their majority. Meta's own replica goes the same way: its other voters are a majority, so
 * their leader runs the operation while the damaged node waits, its start blocked, until the replica
 * is out of the group ({@code io.slotraft.node.MetaReplicaRebuild}).
 */
package io.slotraft.node.operation.rebuild;
