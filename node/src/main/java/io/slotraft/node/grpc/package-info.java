/**
 * The gRPC services. {@code ClientGrpcService}: {@code Execute} and {@code ExecuteBatch} over the same
 * dispatcher as the RESP port, with routing problems returned as structured {@code RoutingError}s
 * (leader, epoch). {@code TopologyGrpcService}: {@code GetTopology} and the {@code WatchTopology}
 * stream ({@code TopologyWatch}), both rendering the node's {@code ClusterView}. No routing or
 * topology decisions here: those are made in {@code dispatch}, {@code routing} and {@code cluster}.
 */
package io.slotraft.node.grpc;
