/**
 * Test harness: real node processes on loopback, started, joined, killed, paused and wiped as in
 * production, and the admin CLI run as a process, as an operator runs it.
 */
package io.slotraft.tests.harness;
