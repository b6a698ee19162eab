package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios of a shard without a leader: TRY_AGAIN means nothing ran, so even INCR is retried. */
class TryAgainTest {
    private FakeNode node;

    @BeforeEach
    void startNode() throws Exception {
        node = FakeNode.start("electing");
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void anElectionThatEndsInTimeIsWaitedOut() {
        FakeStore store = new FakeStore();
        AtomicInteger asked = new AtomicInteger();
        node.answering(request -> asked.incrementAndGet() <= 2 ? Answers.tryAgain() : store.apply(request));

        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), node).build()) {
            long start = System.nanoTime();
            assertEquals(1L, client.sync().incr("counter"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(List.of("INCR", "INCR", "INCR"), node.received());
            assertTrue(elapsedMillis >= 150, "waited 50 + 100 ms of backoff, took " + elapsedMillis);
        }
    }

    @Test
    void anElectionThatOutlastsTheDeadlineEndsInATimeoutWithGrowingWaits() {
        node.answering(request -> Answers.tryAgain());

        try (SlotraftClient client = FakeNode.clientOf(Duration.ofMillis(600), node).build()) {
            long start = System.nanoTime();
            SlotraftTimeoutException timeout = assertThrows(SlotraftTimeoutException.class,
                    () -> client.sync().incr("counter"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMillis >= 600 && elapsedMillis < 3_000, "gave up after " + elapsedMillis + " ms");
            assertTrue(timeout.getMessage().contains("election in progress"), timeout.getMessage());
            assertGapsAtLeast(node.arrivals(), 50, 100, 200);
        }
    }

    /** Retries at 0, 50, 150, 350 ms: each wait at least the backoff step (a timer never fires early). */
    private static void assertGapsAtLeast(List<Long> arrivals, long... minimumGapsMillis) {
        assertTrue(arrivals.size() >= minimumGapsMillis.length + 1, "attempts: " + arrivals.size());
        assertTrue(arrivals.size() <= 6, "too many attempts for a 600 ms budget: " + arrivals.size());
        for (int i = 0; i < minimumGapsMillis.length; i++) {
            long gapMillis = (arrivals.get(i + 1) - arrivals.get(i)) / 1_000_000;
            assertTrue(gapMillis >= minimumGapsMillis[i], "wait " + i + " was " + gapMillis + " ms");
        }
    }
}
