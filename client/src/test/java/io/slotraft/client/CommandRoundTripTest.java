package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.args.SetArgs;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A typed method's request as the node sees it, and the node's reply as the caller sees it. */
class CommandRoundTripTest {
    private FakeNode node;
    private SlotraftClient client;
    private final AtomicReference<CommandRequest> lastRequest = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        node = FakeNode.start("leader");
        client = FakeNode.clientOf(Duration.ofSeconds(5), node).build();
    }

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    private void answer(CommandResponse response) {
        Function<CommandRequest, CommandResponse> script = request -> {
            lastRequest.set(request);
            return response;
        };
        node.answering(script);
    }

    private List<String> sentArgs() {
        return lastRequest.get().getArgsList().stream()
                .map(arg -> arg.toString(StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    @Test
    void setWithArgsSendsTheOptionsAndReturnsNullWhenNxDidNotHold() {
        answer(Answers.nil());

        assertNull(client.sync().set("k", "v", new SetArgs().nx().ex(10)));
        assertEquals("SET", lastRequest.get().getName());
        assertEquals(List.of("k", "v", "NX", "EX", "10"), sentArgs());
    }

    @Test
    void setWithGetReturnsTheOldValue() {
        answer(Answers.bulk("old"));

        assertEquals("old", client.sync().set("k", "new", new SetArgs().get()));
        assertEquals(List.of("k", "new", "GET"), sentArgs());
    }

    @Test
    void binaryValuesTravelUnchanged() {
        byte[] value = {0, (byte) 0xff, 10, 13};
        answer(Answers.bulk(value));

        assertArrayEquals(value, client.sync().get(new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2}, lastRequest.get().getArgs(0).toByteArray());
    }

    @Test
    void aRedisErrorIsThrownWithItsFullText() {
        String text = "WRONGTYPE Operation against a key holding the wrong kind of value";
        answer(Answers.error(text));

        SlotraftCommandException error = assertThrows(SlotraftCommandException.class,
                () -> client.sync().incr("a-list"));
        assertEquals(text, error.getMessage());
        assertEquals("WRONGTYPE", error.errorCode());
    }

    @Test
    void theAsyncApiFailsItsFutureWithTheSameException() {
        answer(Answers.error("ERR value is not an integer or out of range"));

        CompletableFuture<Long> future = client.async().incr("text");
        ExecutionException wrapped = assertThrows(ExecutionException.class, future::get);
        assertTrue(wrapped.getCause() instanceof SlotraftCommandException, wrapped.getCause().toString());
    }

    @Test
    void crossSlotIsTheCallersMistakeAndIsThrownAtOnce() {
        answer(Answers.crossSlot(12539, 866));

        // MSETNX is never split (it is all or nothing), so the node's CROSSSLOT reaches the caller.
        SlotraftCrossSlotException error = assertThrows(SlotraftCrossSlotException.class,
                () -> client.sync().msetnx(Map.of("a", "1", "b", "2")));
        assertEquals(List.of(12539, 866), error.slots());
        assertEquals(1, node.received().size(), "not retried");
    }

    @Test
    void mgetKeepsMissingKeysAsNulls() {
        answer(Answers.array(Answers.bulk("1"), Answers.nil()));

        assertEquals(Arrays.asList("1", null), client.sync().mget("{k}a", "{k}b"));
        assertEquals(List.of("{k}a", "{k}b"), sentArgs(), "keys of one slot go whole, in one MGET");
    }

    @Test
    void executeRunsAnyCommandAndReturnsTheTypedReply() {
        answer(Answers.integer(1));

        Reply reply = client.sync().execute("HSET", "h", "f", "v");
        assertEquals(Reply.integer(1), reply);
        assertEquals("HSET", lastRequest.get().getName());
        assertEquals(List.of("h", "f", "v"), sentArgs());

        answer(Answers.simple("PONG"));
        assertEquals("PONG", client.sync().execute("PING").asString());
    }
}
