package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.reply.KeyValue;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.reply.ScanResult;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.CommandRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of the smart client against a fake two-shard cluster (s1 led by node 0, s2 by node 1,
 * node 2 the only seed and leading nothing): routing by the slot map, splitting, grouping, and
 * keeping the map fresh.
 */
class SmartRoutingTest {
    private FakeCluster cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = FakeCluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** Keys spread over both shards: key i is in s1 for some i and s2 for others. */
    private static List<String> keys(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void connectingLoadsTheTopologyAndEveryCommandGoesStraightToItsLeader() {
        try (SlotraftClient client = cluster.client().build()) {
            assertEquals(1, client.slotMap().epoch());
            for (String key : keys("k", 100)) {
                client.sync().set(key, "v-" + key);
                assertEquals("v-" + key, client.sync().get(key));
            }

            assertEquals(0, client.metrics().redirects(), "no command went to a node that does not lead its slot");
            assertEquals(List.of(), cluster.node(2).received(), "the seed leads nothing and got no command");
            for (int node = 0; node < 2; node++) {
                for (CommandRequest request : cluster.node(node).requests()) {
                    assertEquals(node, FakeCluster.shardOf(FakeCluster.keysOf(request).get(0)), "led by node " + node);
                }
            }
            assertTrue(cluster.node(0).received().size() > 50 && cluster.node(1).received().size() > 50,
                    "both shards got their share");
        }
    }

    @Test
    void msetAndMgetOverManySlotsAreSplitPerShardAndComeBackInTheCallersOrder() {
        try (SlotraftClient client = cluster.client().build()) {
            List<String> keys = keys("m", 40);
            List<KeyValue> pairs = new ArrayList<>();
            keys.forEach(key -> pairs.add(KeyValue.of(key, "value of " + key)));

            assertEquals("OK", client.sync().mset(pairs));
            List<String> asked = new ArrayList<>(keys);
            asked.add(3, "missing");
            List<String> values = client.sync().mget(asked.toArray(String[]::new));

            List<String> expected = new ArrayList<>();
            asked.forEach(key -> expected.add(key.equals("missing") ? null : "value of " + key));
            assertEquals(expected, values);
            assertEquals(1, cluster.node(0).batches().stream().filter(b -> named(b, "MSET")).count(),
                    "one ExecuteBatch of MSET parts per shard");
            assertEquals(1, cluster.node(1).batches().stream().filter(b -> named(b, "MGET")).count());
            assertEquals(40L, client.sync().exists(keys.toArray(String[]::new)));
            assertEquals(40L, client.sync().del(keys.toArray(String[]::new)));
            assertEquals(0, client.metrics().redirects());
        }
    }

    @Test
    void aBatchGoesAsOneExecuteBatchPerShardAndRepliesKeepTheQueuedOrder() {
        try (SlotraftClient client = cluster.client().build()) {
            Batch batch = client.pipeline();
            List<String> keys = keys("b", 12);
            for (String key : keys) {
                batch.add("SET", key, "x" + key);
            }
            batch.add("PING");
            for (String key : keys) {
                batch.add("GET", key);
            }

            List<Reply> replies = batch.execute();

            assertEquals(25, replies.size());
            assertEquals(Reply.simple("PONG"), replies.get(12));
            for (int i = 0; i < keys.size(); i++) {
                assertEquals("x" + keys.get(i), replies.get(13 + i).asString());
            }
            assertEquals(1, cluster.node(0).batches().size());
            assertEquals(1, cluster.node(1).batches().size());
            assertEquals(0, cluster.node(2).batches().size());
            assertEquals(0, client.metrics().redirects());
        }
    }

    @Test
    void aLeaderChangeIsLearnedFromOneRedirectAndTheTopologyIsReloaded() throws Exception {
        try (SlotraftClient client = cluster.client().topologyRefreshInterval(Duration.ZERO).build()) {
            String key = keys("r", 20).stream().filter(k -> FakeCluster.shardOf(k) == 0).findFirst().orElseThrow();
            client.sync().set(key, "1");
            int loadsBefore = cluster.node(2).topologyRequests() + cluster.node(0).topologyRequests()
                    + cluster.node(1).topologyRequests();

            cluster.moveLeader(0, 2, true);
            assertEquals("1", client.sync().get(key));
            assertEquals("1", client.sync().get(key));

            assertEquals(1, client.metrics().redirects(), "one redirect, then straight to the new leader");
            assertEquals(List.of("GET", "GET"), cluster.node(2).received(), "the retried GET and the next one");
            await(() -> cluster.node(2).topologyRequests() + cluster.node(0).topologyRequests()
                    + cluster.node(1).topologyRequests() > loadsBefore, "a topology load after the redirect");
        }
    }

    @Test
    void withRefreshOnRoutingErrorsOffARedirectLoadsNoTopology() throws Exception {
        try (SlotraftClient client = cluster.client().topologyRefreshInterval(Duration.ZERO)
                .refreshTopologyOnRoutingError(false).build()) {
            String key = keys("r", 20).stream().filter(k -> FakeCluster.shardOf(k) == 1).findFirst().orElseThrow();
            int loads = cluster.node(2).topologyRequests();

            cluster.moveLeader(1, 0, true);
            client.sync().set(key, "1");
            Thread.sleep(300);

            assertEquals(1, client.metrics().redirects());
            assertEquals(loads, cluster.node(2).topologyRequests());
            assertEquals(0, cluster.node(0).topologyRequests() + cluster.node(1).topologyRequests());
            assertEquals(cluster.node(0).endpoint(), client.slotMap().shardOf(16000).leader(),
                    "the redirect's leader is used anyway");
        }
    }

    @Test
    void timedRefreshesTakeNewerEpochsAndNeverGoBack() throws Exception {
        cluster.setEpoch(3);
        cluster.publish();
        try (SlotraftClient client = cluster.client().topologyRefreshInterval(Duration.ofMillis(50)).build()) {
            assertEquals(3, client.slotMap().epoch());

            cluster.setEpoch(2);
            cluster.moveLeader(0, 2, true);
            Thread.sleep(300);
            assertEquals(3, client.slotMap().epoch());
            assertEquals(cluster.node(0).endpoint(), client.slotMap().shardOf(0).leader(),
                    "a topology of an older epoch is ignored, leaders and all");

            cluster.setEpoch(4);
            cluster.publish();
            await(() -> client.slotMap().epoch() == 4, "epoch 4");
            assertEquals(cluster.node(2).endpoint(), client.slotMap().shardOf(0).leader());
        }
    }

    @Test
    void aWatchDeliversALeaderChangeBeforeAnyCommandHitsTheOldLeader() throws Exception {
        try (SlotraftClient client = cluster.client().topologyRefreshInterval(Duration.ZERO).watchTopology(true).build()) {
            await(() -> cluster.node(2).watcherCount() == 1, "the watch to open");

            cluster.moveLeader(1, 2, true);
            await(() -> cluster.node(2).endpoint().equals(client.slotMap().shardOf(16000).leader()), "the new leader");
            String key = keys("w", 20).stream().filter(k -> FakeCluster.shardOf(k) == 1).findFirst().orElseThrow();
            client.sync().set(key, "1");

            assertEquals(0, client.metrics().redirects());
            assertEquals(List.of("SET"), cluster.node(2).received());
        }
    }

    @Test
    void aWatchThatEndsMovesToAnotherNode() throws Exception {
        try (SlotraftClient client = cluster.client().topologyRefreshInterval(Duration.ZERO).watchTopology(true).build()) {
            await(() -> cluster.node(2).watcherCount() == 1, "the watch to open");
            cluster.node(2).endWatches();
            await(() -> cluster.node(0).watcherCount() + cluster.node(1).watcherCount() == 1, "a watch elsewhere");
        }
        await(() -> cluster.node(0).watcherCount() + cluster.node(1).watcherCount() == 0, "closing cancels the watch");
    }

    @Test
    void dbsizeSumsEveryLeaderNodeAndScanVisitsThemInTurn() {
        try (SlotraftClient client = cluster.client().build()) {
            List<String> keys = keys("d", 30);
            keys.forEach(key -> client.sync().set(key, "1"));

            assertEquals(30L, client.sync().dbsize());
            assertEquals(List.of("DBSIZE"), cluster.node(0).received().stream().filter("DBSIZE"::equals).toList());

            List<String> seen = new ArrayList<>();
            ScanResult page = client.sync().scan("0");
            seen.addAll(page.keysAsStrings());
            assertEquals("1:0", page.cursor(), "second leader node next");
            page = client.sync().scan(page.cursor());
            seen.addAll(page.keysAsStrings());
            assertTrue(page.isFinished());
            assertEquals(keys.stream().sorted().toList(), seen.stream().sorted().toList());
        }
    }

    @Test
    void whenOneNodeLeadsEveryShardKeylessCommandsAskItOnce() throws Exception {
        cluster.moveLeader(1, 0, true);
        try (SlotraftClient client = cluster.client().build()) {
            client.sync().set("a", "1");
            client.sync().set("b", "1");
            assertEquals(2L, client.sync().dbsize());
            assertEquals(1, cluster.node(0).received().stream().filter("DBSIZE"::equals).count());
            assertEquals(Arrays.asList("1", "1"), client.sync().mget("a", "b"));
        }
    }

    private static boolean named(BatchRequest batch, String name) {
        return batch.getCommandsList().stream().allMatch(command -> command.getName().equals(name));
    }
}
