/**
 * The keyspace commands: the catalog entries and handlers of the string, hash, set, list and sorted
 * set commands (the blocking list pops excepted: their pops are {@link io.slotraft.node.command.ListPops};
 * the sorted set commands are {@code SortedSetCommands} and the Z* classes, {@code ZSetPops} public
 * for the blocking pops), of the bitmap commands (SETBIT, BITCOUNT, BITFIELD ... on strings, bit 0
 * the top bit of byte 0), of PFADD, PFCOUNT and PFMERGE (over the sketches of {@link
 * io.slotraft.node.hyperloglog}), the generic key commands (DEL, EXPIRE, TTL, SCAN, RENAME ...), the
 * keyspace halves of CLUSTER COUNTKEYSINSLOT and GETKEYSINSLOT, the glob matcher that KEYS and the
 * scans (SCAN, HSCAN, SSCAN, ZSCAN) share, and the long double arithmetic that INCRBYFLOAT and
 * HINCRBYFLOAT need to answer exactly as Redis.
 *
 * <p>Every handler is a pure static method of {@code (ExecutionContext, CommandArgs)}: it reads the
 * time from the context (the log entry's time on the write path), draws randomness only from the
 * context, and answers Redis 7's replies and error texts. A command that changes a string stores a
 * new array; a command that changes a collection (hash, set, list, sorted set) changes it in place,
 * but only after {@link io.slotraft.node.keyspace.ExecutionContext#forUpdate}, which copies it first
 * if a snapshot may be reading it. A handler checks everything (arguments, types of every key) before
 * it changes anything, so an error reply means nothing changed. Handlers keep the argv arrays they
 * are given as keys, string values and members without copying them, so an argv belongs to its
 * command once dispatched.
 *
 * <p>Not here: routing, arity checks (the dispatcher does them from the catalog), normalising a
 * command before it is proposed, and the CLUSTER command itself. Each data type gets its own
 * classes, registered from {@link io.slotraft.node.command.StandardKeyspaceCommands}.
 */
package io.slotraft.node.command;
