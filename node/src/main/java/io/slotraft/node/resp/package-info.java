/**
 * The RESP front end: the port redis-cli, redis-benchmark, Jedis and Lettuce talk to.
 *
 * <p>Read in this order: {@link io.slotraft.node.resp.RespServer} binds the port and builds each
 * connection's Netty pipeline; {@link io.slotraft.node.resp.RespDecoder} turns request bytes into
 * argv lists (or one {@link io.slotraft.node.resp.RespProtocolError}); {@link
 * io.slotraft.node.resp.RespConnectionHandler} hands each argv to the node's {@link
 * io.slotraft.node.session.CommandDispatcher} through a {@code CommandQueue}, which keeps the
 * replies in request order and holds a read back while a write of the same connection is in flight
 * (and the other way round), by the connection discipline of the {@code pipeline} package; {@link io.slotraft.node.resp.RespEncoder} writes each {@link
 * io.slotraft.node.reply.Reply} as RESP2 or RESP3.
 *
 * <p>What does not live here: command lookup, arity, routing and execution (the dispatcher and the
 * catalog), connection state such as the chosen protocol or QUIT (the {@code session} package), and
 * the gRPC front end.
 */
package io.slotraft.node.resp;
