/**
 * The gRPC client service: {@code Execute} and {@code ExecuteBatch} over the same dispatcher as the
 * RESP port, with routing problems returned as structured {@code RoutingError}s (leader, epoch).
 */
package io.slotraft.node.grpc;
