package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream as a transport: one per node, batches, reopening, and the unary option beside it. */
class StreamTransportTest {
    private FakeNode node;
    private final FakeStore store = new FakeStore();

    @BeforeEach
    void startNode() throws Exception {
        node = FakeNode.start("streaming").answering(store::apply);
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void commandsSentFromAReplysCallbackLeaveTogetherOnTheOneStream() throws Exception {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), node).build()) {
            List<CompletableFuture<String>> later = new ArrayList<>();
            node.holdingStreamReplies();
            CompletableFuture<Void> first = client.async().set("first", "1").thenRun(() -> {
                for (int i = 0; i < 10; i++) {
                    later.add(client.async().set("k" + i, "v" + i));
                }
            });
            node.releaseStreamReplies();
            first.get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertEquals(1, node.streamsOpened());
            assertEquals(List.of(1, 10), node.streamBatchSizes(), "the ten sent while replies were handed out");
            assertEquals("v7", client.sync().get("k7"));
        }
    }

    @Test
    void aBrokenStreamFailsWhatItCarriedAndARetryOpensAnother() throws Exception {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), node).build()) {
            client.sync().set("a", "1");
            node.failingWith(Status.UNAVAILABLE.withDescription("connection reset"));
            // In-process calls run in place: the stream has broken under the GET when this returns,
            // and the GET (safe to repeat) waits for its backoff before trying again.
            CompletableFuture<String> get = client.async().get("a");
            node.answering(store::apply);

            assertEquals("1", get.get(5, TimeUnit.SECONDS));
            assertEquals(2, node.streamsOpened());
            assertEquals(List.of("SET", "GET", "GET"), node.received());
        }
    }

    @Test
    void unaryCallsStayAvailableAsAnOption() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), node).commandStreams(false).build()) {
            client.sync().set("a", "1");
            assertEquals("1", client.sync().get("a"));
            assertEquals(0, node.streamsOpened());
            assertEquals(List.of("SET", "GET"), node.received());
        }
    }
}
