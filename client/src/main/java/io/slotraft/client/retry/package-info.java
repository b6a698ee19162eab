/**
 * What may be sent again, and when. {@link io.slotraft.client.retry.RetrySafety} is the one table of
 * commands that are safe to repeat after a lost connection; {@link io.slotraft.client.retry.TransportFailure}
 * says whether a failed call can have run; {@link io.slotraft.client.retry.Backoff} and
 * {@link io.slotraft.client.retry.RetrySettings} say how long to wait. Pure decisions: the attempt
 * loop that acts on them is in {@code dispatch}.
 */
package io.slotraft.client.retry;
