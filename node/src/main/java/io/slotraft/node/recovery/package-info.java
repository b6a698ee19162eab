/**
 * Recovering a replica whose data on this node is damaged: {@link
 * io.slotraft.node.recovery.ReplicaStart} starts a replica unless its data is damaged (the one place
 * shards and meta decide between serving and rebuilding); {@link
 * io.slotraft.node.recovery.ReplicaDamage} tells damage (a snapshot failing its checksums, a log
 * whose entries fail theirs, a log lost with the node's damaged log store) from other reasons a
 * replica did not start; {@link io.slotraft.node.recovery.LostLogMarker} records, in each replica's
 * directory, that the node's log store was lost before the store is set aside. A damaged replica,
 * a shard's or meta's own, is rebuilt through meta, as an operation ({@code
 * io.slotraft.node.operation.rebuild}): out of the group, the damaged copy set aside, back empty,
 * caught up by the leader, a voter again.
 *
 * <p>The steps, and what a crash between them does: (1) the store fails to open: the markers are
 * written and forced to disk; a crash here leaves the damaged store in place and the next start
 * finds it damaged again. (2) The store is moved aside and an empty one opened; a crash after this
 * finds the markers. (3) Per replica, the node asks meta for a rebuild and meta's driver has the leader remove
 * it from the group; a crash leaves the marker, and the next start finds the operation running and
 * resumes at its step. (4) Its directory (marker included) is moved aside; a crash leaves a fresh
 * directory with no Raft meta, whose group log the start drops. (5) It starts empty, and the driver
 * adds it as a learner, catches it up and promotes it.
 */
package io.slotraft.node.recovery;
