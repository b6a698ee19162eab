package io.slotraft.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void startsAt50MillisAndDoublesUpToOneSecond() {
        Backoff backoff = RetrySettings.defaults().newBackoff();
        long[] expectedMillis = {50, 100, 200, 400, 800, 1000, 1000};
        for (long expected : expectedMillis) {
            assertEquals(Duration.ofMillis(expected).toNanos(), backoff.nextDelayNanos());
        }
    }

    @Test
    void settingsAreCheckedWhenMade() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySettings(Duration.ZERO, second, second, second, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySettings(second, second, second, Duration.ofMillis(10), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySettings(second, second, second, second, -1));
    }
}
