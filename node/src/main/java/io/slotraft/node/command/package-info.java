/**
 * The keyspace commands: the catalog entries and handlers of the string commands, the generic key
 * commands (DEL, EXPIRE, TTL, SCAN, RENAME ...), the sorted set commands ({@code SortedSetCommands}
 * and the Z* classes; {@code ZSetPops} is public for the blocking pops), the keyspace halves of
 * CLUSTER COUNTKEYSINSLOT and GETKEYSINSLOT, the glob matcher that KEYS, SCAN and ZSCAN share, and
 * the long double arithmetic that INCRBYFLOAT needs to answer exactly what Redis answers.
 *
 * <p>Every handler is a pure static method of {@code (ExecutionContext, CommandArgs)}: it reads the
 * time from the context (the log entry's time on the write path), draws randomness only from the
 * context, and answers Redis 7's replies and error texts. Strings are never changed in place: a
 * command that changes a string stores a new array. Collections are changed in place, but only
 * after {@link io.slotraft.node.keyspace.ExecutionContext#forUpdate}, which copies one a snapshot
 * may be reading. Handlers keep the argv arrays they are given as keys, values and members without
 * copying them, so an argv belongs to its command once dispatched.
 *
 * <p>Not here: routing, arity checks (the dispatcher does them from the catalog), normalising a
 * command before it is proposed, blocking commands, and the CLUSTER command itself. Other data
 * types (lists, hashes ...) get their own classes, registered from
 * {@link io.slotraft.node.command.StandardKeyspaceCommands}.
 */
package io.slotraft.node.command;
