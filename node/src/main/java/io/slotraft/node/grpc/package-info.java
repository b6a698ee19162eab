/**
 * The gRPC services. {@code ClientGrpcService}: {@code Execute}, {@code ExecuteBatch} and the
 * batched {@code Stream} over the same dispatcher as the RESP port, with routing problems returned as
 * structured {@code RoutingError}s (leader, epoch); batches and streams go through a {@code
 * CommandPipeline}, which orders them by the shared connection discipline ({@code pipeline}) and
 * answers in batches off the Raft apply threads. Client calls run on the transport thread
 * ({@code ClientCallsInPlace}). {@code TopologyGrpcService}: {@code GetTopology} and the {@code WatchTopology}
 * stream ({@code TopologyWatch}), both rendering the node's {@code ClusterView}. No routing or
 * topology decisions here: those are made in {@code dispatch}, {@code routing} and {@code cluster}.
 */
package io.slotraft.node.grpc;
