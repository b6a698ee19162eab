/**
 * The keyspace commands: the catalog entries and handlers of the string, hash and set commands, the
 * generic key commands (DEL, EXPIRE, TTL, SCAN, RENAME ...), the keyspace halves of CLUSTER
 * COUNTKEYSINSLOT and GETKEYSINSLOT, the glob matcher that KEYS and the scans share, and the long
 * double arithmetic that INCRBYFLOAT and HINCRBYFLOAT need to answer exactly what Redis answers.
 *
 * <p>Every handler is a pure static method of {@code (ExecutionContext, CommandArgs)}: it reads the
 * time from the context (the log entry's time on the write path), draws randomness only from the
 * context, and answers Redis 7's replies and error texts. A command that changes a string stores a
 * new array; a command that changes a hash or set changes it in place, but only after {@link
 * io.slotraft.node.keyspace.ExecutionContext#forUpdate} (see {@code StoredCollections}), which
 * copies it first if a snapshot may be reading it. Handlers keep the argv arrays they are given as
 * string keys and values without copying them, so an argv belongs to its command once dispatched.
 *
 * <p>Not here: routing, arity checks (the dispatcher does them from the catalog), normalising a
 * command before it is proposed, and the CLUSTER command itself. Other data types (lists, hashes
 * ...) get their own classes, registered from {@link io.slotraft.node.command.StandardKeyspaceCommands}.
 */
package io.slotraft.node.command;
