/**
 * Merging two neighbouring shards, after TiKV's prepare/commit merge: the target takes the source's
 * slots and keys, each node from its own copy of the source, so no key crosses the network once the
 * replicas are together; the source is retired.
 *
 * <p>Meta's start checks the two (different, adjacent ranges, no other operation on them, one split
 * or merge in the cluster at a time). Then the steps, each taken again every pass:
 * <ol>
 *   <li>{@code CO_LOCATE}: while the source's voters are not on the target's nodes, start a move
 *       (a child operation) of one source replica from a node without the target to a node with it,
 *       and wait for it. A failed move fails the merge; nothing was frozen.
 *   <li>{@code PREPARE}: once co-located and no other operation holds either shard (from here on
 *       the merge claims both), the driver asks the source's leader ({@code MetaService.MergeStep})
 *       to propose a PREPARE entry. Every replica applying it, at the same index {@code j}, freezes:
 *       from {@code j} on it refuses every command with TRYAGAIN (Redis clients are held until meta
 *       routes them; its leader refuses writes before proposing them), so its state as of {@code j}
 *       is final; it records the freeze in its directory before the entry counts as applied. The
 *       driver records {@code j}.
 *   <li>{@code AWAIT_FROZEN}: wait until every node's replica of the source has applied {@code j}:
 *       then every node holds the frozen state in memory and, for a restart, in the source's newest
 *       snapshot and its log entries up to {@code j} (committed, so never cut off but by a snapshot
 *       past them). After {@value MergeShardsDriver#FREEZE_TIMEOUT_MS} ms without that (a node
 *       down), roll back.
 *   <li>{@code COMMIT}: the driver asks the target's leader to propose a COMMIT entry naming the
 *       source, {@code j} and the source's slots. Every replica of the target applying it takes the
 *       source's frozen state from its own node: the source replica's keyspace in memory, handed
 *       over (the source then takes no more snapshots), or, when that replica is not running (after
 *       a restart), read back from the source's snapshot and log ({@code shard.FrozenSourceOnDisk}).
 *       Keys, expiry and client sessions join the target's, which owns both ranges from that entry
 *       on (WATCH versions and slot delete indexes re-stamped with the COMMIT's index, since the
 *       source's log indexes mean nothing in the target's; an EXEC whose WATCH was taken on the
 *       source aborts); the target then writes a snapshot. Once the leader
 *       applied it, the merge SUCCEEDS: meta has the one shard with both ranges (a new epoch), and
 *       nodes retire the source's replicas, each keeping the source's directory and log until its
 *       target replica's snapshot covers the COMMIT.
 *   <li>{@code ROLLBACK} (a cancel, or the timeout above): the driver asks the source's leader to
 *       propose a ROLLBACK entry; the source serves again, and refuses any late PREPARE of the same
 *       operation. The merge ends CANCELLED or FAILED.
 * </ol>
 *
 * <p>What a crash does: a step is recorded only after it acted, and acting again is harmless. A
 * PREPARE or COMMIT proposed again for the same operation answers the first one's index and changes
 * nothing. A crash before {@code j} is recorded proposes PREPARE again (same index). A cancel before
 * COMMIT rolls back whether or not the PREPARE reached the log. A cancel at COMMIT is not taken: the
 * COMMIT may be in the target's log, and from it on the target owns the source's slots, so the
 * merge rolls forward. A target replica that replays its log after a restart meets the COMMIT again
 * and reads the source's state back from the source's directory and log, which stay until the
 * target's snapshot covers the COMMIT. A target replica whose node has no frozen copy of the source
 * at all (its disk lost between AWAIT_FROZEN and COMMIT) cannot apply the COMMIT and stops with that
 * error, rather than diverge; the other replicas go on, and the operator rebuilds that node's replica.
 */
package io.slotraft.node.operation.merge;
