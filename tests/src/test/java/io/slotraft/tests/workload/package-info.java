/**
 * Client workloads for system tests: one {@link io.slotraft.tests.workload.ClientLoad} per client
 * library (JedisCluster, Lettuce's RedisClusterClient, the Slotraft smart client), each running a
 * mixed read/write loop on its own threads and recording every acknowledged write, every operation
 * and every failure, so that a test can kill nodes underneath and check afterwards that nothing
 * acknowledged was lost and nothing failed beyond the library's own retries. No assertions here: the
 * tests decide what the counts must be.
 */
package io.slotraft.tests.workload;
