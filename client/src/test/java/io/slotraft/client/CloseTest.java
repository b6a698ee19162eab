package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing a client: nobody is left waiting, and nothing more is sent. */
class CloseTest {

    @Test
    void closingFailsCommandsStillWaitingAndRefusesNewOnes() throws Exception {
        try (FakeNode paused = FakeNode.start("paused").hanging()) {
            SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(30), paused).build();
            CompletableFuture<String> pending = client.async().get("k");

            client.close();

            ExecutionException error = assertThrows(ExecutionException.class, () -> pending.get(2, TimeUnit.SECONDS));
            assertTrue(error.getCause().getMessage().contains("closed"), error.getCause().getMessage());
            assertThrows(SlotraftException.class, () -> client.sync().ping());
        }
    }

    @Test
    void cancellingAFutureStopsItsRetries() throws Exception {
        try (FakeNode electing = FakeNode.start("electing").answering(request -> Answers.tryAgain());
             SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(30), electing).build()) {
            CompletableFuture<Long> pending = client.async().incr("n");
            Thread.sleep(100);

            pending.cancel(false);
            int attemptsAtCancel = electing.received().size();
            Thread.sleep(1_200);

            assertTrue(electing.received().size() <= attemptsAtCancel + 1,
                    "at most the retry already scheduled runs, then the loop stops");
        }
    }
}
