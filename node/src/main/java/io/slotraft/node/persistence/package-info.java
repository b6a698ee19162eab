/** SAVE, BGSAVE and LASTSAVE: the Redis persistence commands, served by Raft snapshots. */
package io.slotraft.node.persistence;
