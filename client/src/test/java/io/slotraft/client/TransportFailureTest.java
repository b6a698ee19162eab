package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of a connection that breaks: a command that may have run is sent again only if running
 * it twice is harmless; otherwise the caller is told the outcome is unknown.
 */
class TransportFailureTest {
    private FakeNode broken;
    private FakeNode healthy;

    @BeforeEach
    void startNodes() throws Exception {
        broken = FakeNode.start("broken").failingWith(Status.UNAVAILABLE.withDescription("connection reset"));
        healthy = FakeNode.start("healthy").answering(new FakeStore());
    }

    @AfterEach
    void stopNodes() {
        broken.close();
        healthy.close();
    }

    @Test
    void incrOnABrokenConnectionIsIndeterminateAndNotSentAgain() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, healthy).build()) {
            SlotraftIndeterminateException error = assertThrows(SlotraftIndeterminateException.class,
                    () -> client.sync().incr("counter"));

            assertTrue(error.getMessage().contains("may or may not have been applied"), error.getMessage());
            assertEquals(List.of("INCR"), broken.received());
            assertEquals(List.of(), healthy.received(), "INCR must not run a second time elsewhere");
        }
    }

    @Test
    void getOnABrokenConnectionIsSentToAnotherSeed() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, healthy).build()) {
            assertEquals(null, client.sync().get("missing"));
            assertEquals(List.of("GET"), broken.received());
            assertEquals(List.of("GET"), healthy.received());
        }
    }

    @Test
    void setWithGetIsNotRepeatedButPlainSetIs() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, healthy).build()) {
            assertThrows(SlotraftIndeterminateException.class,
                    () -> client.sync().set("k", "v", new SetArgs().get()));
            assertEquals("OK", client.sync().set("k", "v"));
            assertEquals(List.of("SET", "SET"), broken.received());
            assertEquals(List.of("SET"), healthy.received());
        }
    }

    @Test
    void aReadToAHungNodeMovesOnAfterOneAttemptTimeout() throws Exception {
        try (FakeNode paused = FakeNode.start("paused").hanging();
             SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), paused, healthy)
                     .attemptTimeout(Duration.ofMillis(200)).build()) {
            assertEquals(null, client.sync().get("k"));
            assertEquals(List.of("GET"), paused.received());
            assertEquals(List.of("GET"), healthy.received());
        }
    }

    @Test
    void anIncrToAHungNodeWaitsItsWholeBudgetSinceItCannotGoElsewhere() throws Exception {
        try (FakeNode paused = FakeNode.start("paused").hanging();
             SlotraftClient client = FakeNode.clientOf(Duration.ofMillis(800), paused, healthy)
                     .attemptTimeout(Duration.ofMillis(200)).build()) {
            long start = System.nanoTime();
            assertThrows(SlotraftIndeterminateException.class, () -> client.sync().incr("counter"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMillis >= 800 && elapsedMillis < 3_000, "took " + elapsedMillis + " ms");
            assertEquals(List.of("INCR"), paused.received());
            assertEquals(List.of(), healthy.received());
        }
    }

    @Test
    void incrToASeedThatRefusesConnectionsGoesToTheNextSeed() throws Exception {
        Endpoint closedPort = closedLocalPort();
        SlotraftClient client = SlotraftClient.builder()
                .seeds(closedPort.toString(), healthy.endpoint().toString())
                .channelFactory(endpoint -> endpoint.equals(closedPort)
                        ? ChannelPool.plaintext(endpoint) : FakeNode.channels(endpoint))
                .build();
        try (client) {
            assertEquals(1L, client.sync().incr("counter"), "nothing was sent, so INCR may go elsewhere");
            assertEquals(List.of("INCR"), healthy.received());
        }
    }

    private static Endpoint closedLocalPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new Endpoint("127.0.0.1", socket.getLocalPort());
        }
    }
}
