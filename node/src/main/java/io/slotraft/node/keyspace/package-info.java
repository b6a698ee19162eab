/**
 * The pure, in-memory keyspace of one shard: a hash table with a SCAN cursor, an expiry index and
 * per-slot counts, and the value types (strings; sorted sets as {@link
 * io.slotraft.node.keyspace.ZSetValue} over its array store, rank tree and member table). Nothing
 * here knows clocks, threads, sockets or Raft: time is passed in, which is what keeps every
 * replica's keyspace identical for the same log.
 */
package io.slotraft.node.keyspace;
