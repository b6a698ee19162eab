package io.slotraft.client.retry;

import java.time.Duration;

/**
 * Growing waits for one command's retries: the initial wait, doubled each time, capped. No jitter, so
 * tests can reason about timing; the waits are short and leader elections, not herds, are what they
 * wait out.
 */
public final class Backoff {
    private final long maxNanos;
    private long nextNanos;

    public Backoff(Duration initial, Duration max) {
        this.nextNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    public long nextDelayNanos() {
        long delay = Math.min(nextNanos, maxNanos);
        nextNanos = Math.min(nextNanos * 2, maxNanos);
        return delay;
    }
}
