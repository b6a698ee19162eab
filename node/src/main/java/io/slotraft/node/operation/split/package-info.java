/**
 * Splitting a shard in place, as TiKV splits a region: its upper slots become a new shard whose
 * replicas are on the same nodes, made from each replica's own copy, so no key crosses the network.
 *
 * <p>Meta's start checks the shard (no other operation changes its replicas; one split at a time)
 * and names the new shard. Then one step:
 * <ol>
 *   <li>{@code SPLIT}: the driver asks the shard's leader ({@code MetaService.SplitShard}) to propose
 *       a split entry. Every replica applying it, at the same index {@code i}, carves the keys of the
 *       split slot and above out of its state as of {@code i} (with their expiry, versions and slot
 *       delete indexes, and a copy of the client sessions) and has its node write that state as the
 *       first snapshot of the new shard's group (its seed) in the new shard's directory, at index
 *       {@code i} and term 1. The apply thread only captures the state; the node's snapshot-writer
 *       thread writes it, ahead of any later snapshot of the old shard (it runs its jobs in order),
 *       so the old shard's log is never cut past {@code i} while the seed is not on disk, and the
 *       node starts the new replica only once its seed is written. From {@code i} on, the old shard
 *       answers TRYAGAIN for the slots it gave away (Redis clients are held until meta routes
 *       them). The leader answers the split slot and {@code i}, and the driver records the split as
 *       done: meta now has the two shards, a new epoch. Nodes following the epoch start the new
 *       shard's replicas from their seeds, and clients follow the new epoch.
 * </ol>
 *
 * <p>What a crash does: before the entry is committed, the driver asks the leader again (the
 * operation's id in the entry makes a repeat a no-op that answers the first split's index). After
 * it, a replica that crashed replays the entry from the shard's log and carves again; its seed, if
 * already written, is kept (a seed is written to a temporary directory and renamed into place, and
 * never over an existing directory). A seed that could not be written is treated as missed. A
 * replica that missed the entry (it was caught up by a
 * snapshot of the old shard taken later) has no seed: its node starts the new shard's replica empty
 * and outside the group's configuration, so that it cannot vote for an empty leader or become one,
 * and the new shard's leader installs a snapshot on it. A node whose replica of the old shard is
 * behind the split waits for it to seed the new replica (meta records the split's index). A cancel is
 * not taken: the split entry may already be in the log.
 */
package io.slotraft.node.operation.split;
