package io.slotraft.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often the client tries one command.
 *
 * @param commandTimeout     the whole budget of one command, every retry included
 * @param attemptTimeout     the longest one attempt of a command that is safe to repeat waits for an
 *                           answer, so that a hung node does not eat the budget of a command that
 *                           could go elsewhere; other commands wait the whole commandTimeout
 * @param initialBackoff     the first wait before a retry; doubled each time
 * @param maxBackoff         the cap on that wait
 * @param immediateRedirects how many redirects to a named leader in a row are followed without
 *                           waiting; past that, stale leader hints bouncing between nodes get backoff
 */
public record RetrySettings(Duration commandTimeout, Duration attemptTimeout, Duration initialBackoff,
                            Duration maxBackoff, int immediateRedirects) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(50);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);
    public static final int DEFAULT_IMMEDIATE_REDIRECTS = 3;

    public RetrySettings {
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(attemptTimeout, "attemptTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " < initialBackoff " + initialBackoff);
        }
        if (immediateRedirects < 0) {
            throw new IllegalArgumentException("immediateRedirects must be >= 0: " + immediateRedirects);
        }
    }

    public static RetrySettings defaults() {
        return new RetrySettings(DEFAULT_COMMAND_TIMEOUT, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF, DEFAULT_IMMEDIATE_REDIRECTS);
    }

    public Backoff newBackoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
