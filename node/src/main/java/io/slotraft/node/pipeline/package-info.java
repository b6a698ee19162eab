/**
 * The connection discipline both front ends share: which of a connection's commands may run now.
 * RESP connections and gRPC streams (and ExecuteBatch calls) pipeline commands, but writes go
 * through the Raft log and reads through ReadIndex, two paths that do not keep each other's order;
 * so a read must wait for the writes sent before it, and a write for the reads before it.
 *
 * <p>{@link io.slotraft.node.pipeline.CommandKinds} says what a command is (write or not, and the
 * slot it orders in, or none for a blocking command), read from the command catalog and nowhere else. {@link
 * io.slotraft.node.pipeline.ConnectionOrder} applies the rule to one connection's commands.
 *
 * <p>What does not live here: running commands (the dispatcher), putting replies back in request
 * order (RESP's {@code CommandQueue}; gRPC streams answer by id), and any threads: every class here
 * is used by one thread at a time, the connection's.
 */
package io.slotraft.node.pipeline;
