package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.api.sync.SlotraftCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios of a client finding the leader from what followers tell it. */
class LeaderFollowingTest {
    private FakeNode follower;
    private FakeNode leader;

    @BeforeEach
    void startNodes() throws Exception {
        follower = FakeNode.start("follower");
        leader = FakeNode.start("leader").answering(new FakeStore());
        follower.answering(request -> Answers.notLeader(leader.endpoint()));
    }

    @AfterEach
    void stopNodes() {
        follower.close();
        leader.close();
    }

    @Test
    void aFollowerSeedRedirectsToTheLeaderWhichIsThenUsedDirectly() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), follower).build()) {
            SlotraftCommands redis = client.sync();

            assertEquals("OK", redis.set("k", "v"));
            assertEquals("v", redis.get("k"));
            assertEquals(1L, redis.incr("n"));

            assertEquals(List.of("SET"), follower.received(), "only the first command went to the follower");
            assertEquals(List.of("SET", "GET", "INCR"), leader.received());
        }
    }

    @Test
    void whenLeadershipMovesTheClientFollowsTheNewRedirect() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), follower).build()) {
            SlotraftCommands redis = client.sync();
            redis.set("k", "v");

            FakeStore newLeaderData = new FakeStore();
            follower.answering(newLeaderData);
            leader.answering(request -> Answers.notLeader(follower.endpoint()));

            assertEquals("OK", redis.set("k", "w"));
            assertEquals("w", redis.get("k"));
            assertEquals(List.of("SET", "SET", "GET"), follower.received());
            assertEquals(List.of("SET", "SET"), leader.received(), "one redirect, then no more");
        }
    }

    @Test
    void aNodeThatKnowsNoLeaderMakesTheClientAskAnotherSeed() {
        follower.answering(request -> Answers.notLeaderUnknown());
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), follower, leader).build()) {
            assertEquals("PONG", client.sync().ping());
            assertEquals(List.of("PING"), follower.received());
            assertEquals(List.of("PING"), leader.received());
        }
    }

    @Test
    void redirectsThatBounceBetweenNodesBackOffAndEndAtTheDeadline() {
        leader.answering(request -> Answers.notLeader(follower.endpoint()));
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofMillis(700), follower).build()) {
            long start = System.nanoTime();
            SlotraftTimeoutException timeout = assertThrows(SlotraftTimeoutException.class,
                    () -> client.sync().get("k"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMillis >= 700, "gave up after " + elapsedMillis + " ms");
            assertTrue(timeout.getMessage().contains("is not the leader"), timeout.getMessage());
            int attempts = follower.received().size() + leader.received().size();
            assertTrue(attempts < 15, "backoff should keep the bouncing slow, saw " + attempts + " attempts");
        }
    }
}
