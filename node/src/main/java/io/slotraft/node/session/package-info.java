/**
 * Commands the serving node answers itself, without a shard's keyspace: connection commands
 * (PING, HELLO, AUTH, CLIENT ...), server commands (COMMAND, INFO, TIME), and the per-connection
 * state they act on ({@link io.slotraft.node.session.ClientSession}). Also the container
 * machinery for commands with subcommands, the formats COMMAND and INFO print, and the
 * interfaces a front end uses to run a command ({@link io.slotraft.node.session.CommandDispatcher}).
 * Keyed commands and their state machine live in {@code keyspace}; routing in {@code routing}.
 */
package io.slotraft.node.session;
