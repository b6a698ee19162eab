/**
 * The node program: {@link io.slotraft.node.Main} parses settings, {@link io.slotraft.node.SlotraftNode}
 * wires the Raft transport, the meta replica (on meta members), the shard replicas meta assigns and
 * the RESP, gRPC and HTTP ports together.
 */
package io.slotraft.node;
