/**
 * Recovering a replica whose data on this node is damaged: {@link
 * io.slotraft.node.recovery.ReplicaDamage} tells damage (a snapshot failing its checksums, a Raft
 * log RocksDB refuses) from other reasons a replica did not start, and {@link
 * io.slotraft.node.recovery.ReplicaRebuild} takes the replica out of its group, sets the damaged
 * copy aside and brings the replica back empty, to be caught up by the leader.
 */
package io.slotraft.node.recovery;
