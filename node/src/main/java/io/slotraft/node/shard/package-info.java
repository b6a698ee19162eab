/**
 * A node's replicas of shards: each binds a pure state machine to a Raft replica, normalises writes
 * (leader clock, random seed) and groups them into log entries under load (group commit) before
 * proposing them, serves reads behind a ReadIndex barrier, and runs the leader's active expiry
 * cycle. Which shard owns a slot is decided in {@code routing}.
 */
package io.slotraft.node.shard;
