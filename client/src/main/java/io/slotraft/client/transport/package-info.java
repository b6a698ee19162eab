/**
 * How one attempt of one command reaches a node and comes back: the wire under the attempt loop of
 * {@code dispatch}, which keeps every rule (routing errors, retries, write sequences, deadlines).
 * {@link io.slotraft.client.transport.CommandTransport} is the contract: one answer or one failure
 * per attempt, a failure carrying a gRPC status that {@code retry.TransportFailure} classifies.
 *
 * <p>{@link io.slotraft.client.transport.StreamTransport}, the default, keeps one bidirectional
 * {@code Stream} per node ({@link io.slotraft.client.transport.NodeStream}), opened on first use and
 * again after it breaks; commands pending for a node leave together as one batch, replies come back
 * in batches and are matched by id. {@link io.slotraft.client.transport.UnaryTransport} makes one
 * {@code Execute} call per attempt, for comparison and for servers without streams.
 *
 * <p>No decisions about what to retry live here; only whether a failed command had left this process.
 */
package io.slotraft.client.transport;
