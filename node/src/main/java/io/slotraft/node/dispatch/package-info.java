/**
 * The path of a command on a node: {@link io.slotraft.node.dispatch.NodeCommandDispatcher} looks it
 * up in the catalog and checks its arity; {@link io.slotraft.node.dispatch.KeyRouting} sends keyspace
 * commands to the slot's shard, or answers CROSSSLOT, MOVED or TRYAGAIN. Front ends (RESP, gRPC) call
 * in here; nothing here knows their wire formats.
 */
package io.slotraft.node.dispatch;
