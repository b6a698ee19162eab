/**
 * The pure, in-memory keyspace of one shard: a hash table with a SCAN cursor, an expiry index and
 * per-slot counts, and the value types. Nothing here knows clocks, threads, sockets or Raft: time
 * is passed in, which is what keeps every replica's keyspace identical for the same log.
 *
 * <p>Hashes and sets ({@link io.slotraft.node.keyspace.HashValue}, {@link
 * io.slotraft.node.keyspace.SetValue}) pack their elements into one byte array ({@link
 * io.slotraft.node.keyspace.PackedRecords}) in an order every replica shares, found by key through
 * an open-addressing index ({@link io.slotraft.node.keyspace.PositionIndex}) that also gives HSCAN
 * and SSCAN their cursor. Sorted sets are {@link io.slotraft.node.keyspace.ZSetValue}, over its
 * array store, rank tree and member table.
 */
package io.slotraft.node.keyspace;
