/**
 * A node's replicas of shards: each binds a pure state machine to a Raft replica, normalises writes
 * (leader clock, random seed) before proposing them, serves reads behind a ReadIndex barrier, and
 * runs the leader's active expiry cycle. Which shard owns a slot is decided in {@code routing}.
 */
package io.slotraft.node.shard;
