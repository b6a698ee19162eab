/**
 * The asynchronous command API: every method returns a {@code CompletableFuture} at once and never
 * blocks. Grouped by data type as Lettuce users know it ({@code StringAsyncCommands},
 * {@code KeyAsyncCommands}, {@code ServerAsyncCommands}), all in {@code SlotraftAsyncCommands}. The
 * {@code byte[]} methods are the real ones; the String overloads are UTF-8 conveniences on top.
 * A future fails with a {@code SlotraftException} subtype; see {@code io.slotraft.client}.
 */
package io.slotraft.client.api.async;
