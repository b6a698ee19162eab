/**
 * The only package that imports JRaft: the node's shared Raft transport, one Raft replica per shard,
 * the node's one log store that every replica appends to ({@code logstore}), and the adapter from
 * JRaft's state machine callbacks to {@link io.slotraft.node.raft.ReplicatedStateMachine}.
 * Everything above it sees futures, not closures. It is generic in what applying an entry answers
 * (a shard's replies, meta's outcome), so it knows nothing of Redis replies.
 */
package io.slotraft.node.raft;
