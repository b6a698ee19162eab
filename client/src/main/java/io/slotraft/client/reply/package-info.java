/**
 * The values commands hand back to callers: {@link io.slotraft.client.reply.Reply}, a typed view of
 * any reply for the generic {@code execute} and for batches, plus small result types such as
 * {@link io.slotraft.client.reply.ScanResult}. These are plain immutable values: no I/O, no proto
 * classes (the conversion from the wire format lives in {@code io.slotraft.client.command}).
 */
package io.slotraft.client.reply;
