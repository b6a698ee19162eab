/**
 * Moving one replica of a shard from a source node to a target node, without ever having fewer
 * voters than the shard started with.
 *
 * <p>Meta's start (not a driver step) places the target as a learner of the shard and, when the
 * source was the preferred leader, makes it least preferred; the target's node starts an empty
 * replica that does not vote. Then the steps:
 * <ol>
 *   <li>{@code ADD_LEARNER}: the shard's leader adds the target as a Raft learner (if the group does
 *       not list it already) and starts copying to it: a snapshot install, then the log.
 *   <li>{@code CATCH_UP}: waits until the learner has applied to within a margin of the leader's
 *       commit index, recording the bytes it has received against the snapshot's size.
 *   <li>{@code PROMOTE}: the learner becomes a voter (the leader catches it up the rest of the way
 *       first); the shard now has one voter more than it needs.
 *   <li>{@code HAND_OVER_LEADERSHIP}: if the source leads, leadership goes to the target (when the
 *       source was preferred) or to the most caught-up other voter.
 *   <li>{@code REMOVE_SOURCE}: the source leaves the group, then meta records the move as done:
 *       the target votes in the source's place (a new epoch, clients follow), and the source's node
 *       stops its replica and sets its data aside.
 * </ol>
 * A cancel before {@code REMOVE_SOURCE} goes to {@code ROLL_BACK}: the target leaves the group
 * (as a learner or a voter), and meta drops it and restores the source's preference; the move ends
 * CANCELLED (or FAILED). A cancel later is ignored: the move finishes.
 *
 * <p>A crash (or a change of meta leader) between any two steps resumes at the recorded step, and
 * every step first looks at the group as its leader reports it: a learner already added, a target
 * already voting, a source already gone are taken as done. Between ADD_LEARNER and PROMOTE the group
 * has its full voters plus a learner that does not count; between PROMOTE and REMOVE_SOURCE it has
 * one voter more; after REMOVE_SOURCE exactly as many as before, so no crash leaves a shard with
 * fewer voters than its replication factor. A source that is down does not block a move (its node
 * deletes its copy when it comes back), which is how a dead node is replaced.
 */
package io.slotraft.node.operation.move;
