/**
 * The "cluster in one JVM" test layer: several real nodes (real Raft, real sockets) started inside
 * the test's JVM on free loopback ports, fast enough for routing tests over the whole catalog.
 */
package io.slotraft.node.injvm;
