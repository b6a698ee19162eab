/**
 * The deterministic shard state machine and the log-entry codec. Pure: given the same entries, every
 * replica ends with the same keyspace. The Raft adapter ({@code io.slotraft.node.raft}) feeds it.
 */
package io.slotraft.node.statemachine;
