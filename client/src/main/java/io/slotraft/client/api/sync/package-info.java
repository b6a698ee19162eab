/**
 * The blocking command API, the same methods as {@code io.slotraft.client.api.async} returning values
 * instead of futures. It waits on the asynchronous API and rethrows its {@code SlotraftException}
 * unwrapped. Grouped by data type: {@code StringCommands}, {@code KeyCommands}, {@code ServerCommands},
 * all in {@code SlotraftCommands}.
 */
package io.slotraft.client.api.sync;
