/**
 * The Java client over gRPC. Start at {@link io.slotraft.client.SlotraftClient}: it owns the channels
 * and hands out the sync and async command APIs ({@code io.slotraft.client.api.*}) and batches
 * ({@link io.slotraft.client.Batch}). The exceptions a caller may see live here too.
 *
 * <p>Read the rest in this order: {@code command} (how a method becomes a named command and how its
 * reply is decoded), {@code routing} (the slot map: which node gets it), {@code topology} (how the map
 * is loaded and kept fresh), {@code retry} (what may be sent again), {@code dispatch} (the attempt
 * loop that ties them together, and batches per shard), then {@code multikey} (commands over keys of
 * many slots) and {@code fanout} (keyless commands over every leader). {@code metrics} counts what
 * routing cost.
 */
package io.slotraft.client;
