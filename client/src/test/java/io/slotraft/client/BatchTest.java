package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios of a batch: one round trip, one reply per command, and only unrun commands sent again. */
class BatchTest {
    private FakeNode follower;
    private FakeNode leader;
    private final FakeStore store = new FakeStore();

    @BeforeEach
    void startNodes() throws Exception {
        leader = FakeNode.start("leader").answering(store);
        follower = FakeNode.start("follower").answering(request -> Answers.notLeader(leader.endpoint()));
    }

    @AfterEach
    void stopNodes() {
        follower.close();
        leader.close();
    }

    @Test
    void aBatchSentToAFollowerIsResentWholeToTheLeader() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), follower).build()) {
            Batch batch = client.pipeline();
            batch.add("SET", "a", "1");
            batch.add("INCR", "a");
            batch.add("GET", "a");

            List<Reply> replies = batch.execute();

            assertEquals(Reply.simple("OK"), replies.get(0));
            assertEquals(Reply.integer(2), replies.get(1));
            assertEquals("2", replies.get(2).asString());
            assertEquals(1, follower.batches().size());
            assertEquals(1, leader.batches().size());
            assertEquals(3, leader.batches().get(0).getCommandsCount());
        }
    }

    @Test
    void whenLeadershipMovesMidBatchOnlyTheCommandsThatDidNotRunAreResent() throws Exception {
        try (FakeNode newLeader = FakeNode.start("new-leader").answering(store)) {
            leader.answeringBatches(request -> firstTwoRunThenRedirect(request, newLeader));
            try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), leader).build()) {
                Batch batch = client.pipeline();
                batch.add("INCR", "n");
                batch.add("INCR", "n");
                batch.add("INCR", "n");
                batch.add("GET", "n");

                List<Reply> replies = batch.execute();

                assertEquals(List.of(Reply.integer(1), Reply.integer(2), Reply.integer(3)), replies.subList(0, 3));
                assertEquals("3", replies.get(3).asString(), "each INCR ran exactly once");
                assertEquals(List.of("INCR", "GET"), names(newLeader.batches().get(0)));
            }
        }
    }

    @Test
    void aRedisErrorStaysInItsSlotAndCrossSlotBecomesAnErrorReply() {
        leader.answering(request -> request.getName().equals("MGET") ? Answers.crossSlot(1, 2) : store.apply(request));
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), leader).build()) {
            Batch batch = client.pipeline();
            batch.add("NOSUCH");
            batch.add("MGET", "a", "b");
            batch.add("PING");

            List<Reply> replies = batch.execute();

            assertEquals(Reply.error("ERR unknown command 'NOSUCH'"), replies.get(0));
            assertEquals("CROSSSLOT", replies.get(1).errorMessage().split(" ")[0]);
            assertEquals(Reply.simple("PONG"), replies.get(2));
        }
    }

    @Test
    void aBrokenConnectionRetriesABatchOfReadsAndOneWithASequencedIncrementButNotABlockingPop() throws Exception {
        try (FakeNode broken = FakeNode.start("broken").failingWith(Status.UNAVAILABLE);
             SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), broken, leader).build()) {
            Batch reads = client.pipeline();
            reads.add("GET", "a");
            reads.add("PING");
            assertEquals(Reply.nil(), reads.execute().get(0));

            Batch writes = client.pipeline();
            writes.add("GET", "a");
            writes.add("INCR", "a");
            assertEquals(Reply.integer(1), writes.execute().get(1), "INCR's sequence makes the resend safe");

            SlotraftClient fresh = FakeNode.clientOf(Duration.ofSeconds(5), broken, leader).build();
            try (fresh) {
                Batch pops = fresh.pipeline();
                pops.add("GET", "a");
                pops.add("BLPOP", "a", "0");
                assertThrows(SlotraftIndeterminateException.class, pops::execute);
            }
            assertEquals(2, leader.batches().size(), "the read batch and the INCR batch reached the leader");
        }
    }

    @Test
    void anEmptyBatchNeedsNoRoundTrip() {
        try (SlotraftClient client = FakeNode.clientOf(Duration.ofSeconds(5), leader).build()) {
            assertEquals(List.of(), client.pipeline().execute());
            assertEquals(0, leader.batches().size());
        }
    }

    /** The leader runs two entries, then loses leadership: the rest come back as NOT_LEADER. */
    private BatchResponse firstTwoRunThenRedirect(BatchRequest request, FakeNode newLeader) {
        BatchResponse.Builder response = BatchResponse.newBuilder();
        for (int i = 0; i < request.getCommandsCount(); i++) {
            response.addResponses(i < 2 ? store.apply(request.getCommands(i)) : Answers.notLeader(newLeader.endpoint()));
        }
        return response.build();
    }

    private static List<String> names(BatchRequest request) {
        return request.getCommandsList().stream().map(CommandRequest::getName).collect(Collectors.toList());
    }
}
