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
 * it twice is harmless, or if it carries a write-session sequence so that the node runs it once;
 * otherwise the caller is told the outcome is unknown.
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

    /**
     * INCR is not safe to run twice, so it travels with a write-session sequence: sent again (to the
     * next node) as the same write, which a node applies only once.
     */
    @Test
    void incrOnABrokenConnectionIsSentAgainAsTheSameWrite() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, healthy).build()) {
            assertEquals(1L, client.sync().incr("counter"));
            assertEquals(List.of("INCR"), broken.received());
            assertEquals(List.of("INCR"), healthy.received());
            assertTrue(broken.requests().get(0).hasSequence(), "INCR carries its write-session sequence");
            assertEquals(broken.requests().get(0).getSequence(), healthy.requests().get(0).getSequence(),
                    "the retry is the same write, not a new one");
        }
    }

    /** A blocking pop proposes afresh on each attempt, so no sequence can make a resend safe. */
    @Test
    void aBlockingPopOnABrokenConnectionIsIndeterminateAndNotSentAgain() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, healthy).build()) {
            SlotraftIndeterminateException error = assertThrows(SlotraftIndeterminateException.class,
                    () -> client.sync().execute("BLPOP", "queue", "0"));

            assertTrue(error.getMessage().contains("may or may not have been applied"), error.getMessage());
            assertEquals(List.of("BLPOP"), broken.received());
            assertEquals(List.of(), healthy.received(), "BLPOP must not run a second time elsewhere");
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
    void setWithGetAndPlainSetAreBothSentAgainAsTheSameWrite() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, healthy).build()) {
            client.sync().set("k", "v", new SetArgs().get());
            assertEquals("OK", client.sync().set("k", "v"));
            assertEquals(List.of("SET"), broken.received(), "after the failure, the broken node is routed around");
            assertEquals(List.of("SET", "SET"), healthy.received());
            assertTrue(healthy.requests().get(0).hasSequence(), "SET ... GET is made safe by its sequence");
            // A plain SET too: run twice, its second run could undo another client's write in between.
            assertTrue(healthy.requests().get(1).hasSequence(), "a plain SET is sequenced as well");
            assertTrue(healthy.requests().get(1).getSequence().getSequence()
                    > healthy.requests().get(0).getSequence().getSequence());
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
    void anIncrToAHungNodeMovesOnAfterOneAttemptTimeoutAsTheSameWrite() throws Exception {
        try (FakeNode paused = FakeNode.start("paused").hanging();
             SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), paused, healthy)
                     .attemptTimeout(Duration.ofMillis(200)).build()) {
            assertEquals(1L, client.sync().incr("counter"));
            assertEquals(List.of("INCR"), paused.received());
            assertEquals(List.of("INCR"), healthy.received());
            assertEquals(paused.requests().get(0).getSequence(), healthy.requests().get(0).getSequence());
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
