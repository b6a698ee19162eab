/**
 * The Java client over gRPC. Start at {@link io.slotraft.client.SlotraftClient}: it owns the channels
 * and hands out the sync and async command APIs ({@code io.slotraft.client.api.*}) and batches
 * ({@link io.slotraft.client.Batch}). The exceptions a caller may see live here too.
 *
 * <p>Read the rest in this order: {@code command} (how a method becomes a named command and how its
 * reply is decoded), {@code routing} (which node gets it), {@code retry} (what may be sent again),
 * {@code dispatch} (the attempt loop that ties them together).
 */
package io.slotraft.client;
