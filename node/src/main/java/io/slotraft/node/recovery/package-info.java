/**
 * Recovering a replica whose data on this node is damaged: {@link
 * io.slotraft.node.recovery.ReplicaStart} starts a replica unless its data is damaged (the one place
 * shards and meta decide between serving and rebuilding); {@link
 * io.slotraft.node.recovery.ReplicaDamage} tells damage (a snapshot failing its checksums, a log
 * whose entries fail theirs, a log lost with the node's damaged log store) from other reasons a
 * replica did not start; {@link io.slotraft.node.recovery.LostLogMarker} records, in each replica's
 * directory, that the node's log store was lost before the store is set aside. A damaged shard
 * replica is rebuilt through meta, as an operation ({@code io.slotraft.node.operation.rebuild}); meta's
 * own replica, which cannot wait for meta, is rebuilt by its node with {@link
 * io.slotraft.node.recovery.ReplicaRebuild}: out of the group, the damaged copy set aside, back empty,
 * caught up by the leader.
 *
 * <p>The steps, and what a crash between them does: (1) the store fails to open: the markers are
 * written and forced to disk; a crash here leaves the damaged store in place and the next start
 * finds it damaged again. (2) The store is moved aside and an empty one opened; a crash after this
 * finds the markers. (3) Per replica, the leader removes it from the group; a crash leaves the marker
 * and the next start asks again (removal is idempotent). (4) Its directory (marker included) is moved
 * aside; a crash leaves a fresh directory with no Raft meta, whose group log the start drops. (5) It
 * starts empty and asks to be added back until the leader grants it.
 */
package io.slotraft.node.recovery;
