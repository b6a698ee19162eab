/**
 * One Raft log store per node, shared by every Raft group the node runs (its shard replicas and its
 * meta replica): one RocksDB with one write-ahead log, keyed by (group, index).
 *
 * <p>Why one store: with a RocksDB per group, a node of twelve shards ran thirteen write-ahead logs
 * and thirteen streams of fsyncs on one disk, each carrying a few commands. RocksDB merges concurrent
 * synced writes from many threads into one write group with one WAL write and one fsync, so groups
 * appending at the same time share an fsync: group commit across groups.
 *
 * <p>{@link io.slotraft.node.raft.logstore.NodeLogStore} owns the database; each group sees it through
 * a {@link io.slotraft.node.raft.logstore.GroupLogStorage}, JRaft's {@code LogStorage} for that group.
 * {@link io.slotraft.node.raft.logstore.LegacyLogImport} converts a replica's log written by builds
 * that kept one RocksDB per replica. Durability: every append and suffix truncation is a synced,
 * atomic write batch; a batch torn by a crash is discarded whole on reopen (the WAL's tail records
 * fail their checksums), never applied in part.
 */
package io.slotraft.node.raft.logstore;
