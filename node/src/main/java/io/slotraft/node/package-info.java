/**
 * The node program: {@link io.slotraft.node.Main} parses settings, {@link io.slotraft.node.SlotraftNode}
 * wires the Raft transport, shard replicas and the RESP, gRPC and HTTP ports together.
 */
package io.slotraft.node;
