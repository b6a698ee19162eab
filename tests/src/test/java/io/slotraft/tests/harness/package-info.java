/** Test harness: real node processes on loopback, started, killed, paused and wiped as in production. */
package io.slotraft.tests.harness;
