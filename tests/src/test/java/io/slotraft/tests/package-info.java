/**
 * System tests against real node processes: real clients (Jedis, redis-cli, the Java client), real
 * faults (SIGKILL, wiped data directories, malformed bytes), and the deploy script as a user runs it.
 */
package io.slotraft.tests;
