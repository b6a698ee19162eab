/**
 * Keyless commands that concern the whole keyspace (DBSIZE, FLUSHALL, KEYS, SCAN, RANDOMKEY): sent to
 * every node leading a shard and combined, since each node answers for the shards it leads. Keyless
 * commands about one node or the connection (PING, ECHO, TIME, INFO) are not here: they go to any
 * one node. Not a snapshot across shards; each class says what its answer means.
 */
package io.slotraft.client.fanout;
