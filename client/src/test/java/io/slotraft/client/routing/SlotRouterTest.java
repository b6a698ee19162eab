package io.slotraft.client.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios of the slot map changing under a router: topologies by epoch, redirects, dead nodes. */
class SlotRouterTest {
    private final Endpoint a = Endpoint.parse("10.0.0.1:7101");
    private final Endpoint b = Endpoint.parse("10.0.0.2:7101");
    private final Endpoint c = Endpoint.parse("10.0.0.3:7101");

    /** Two shards halving the slots, on all three nodes: s1 led by a, s2 by b. */
    private SlotMap twoShards(long epoch, Endpoint leader1, Endpoint leader2) {
        return SlotMap.of(epoch, List.of(
                new ShardRoute("s1", 0, 8191, leader1, List.of(a, b, c)),
                new ShardRoute("s2", 8192, 16383, leader2, List.of(a, b, c))));
    }

    private SlotRouter router(Endpoint... seeds) {
        return new SlotRouter(new KnownNodes(List.of(seeds)));
    }

    @Test
    void eachSlotGoesToItsShardsLeader() {
        SlotRouter router = router(c);
        assertTrue(router.offer(twoShards(1, a, b)));

        assertEquals(a, router.route(0));
        assertEquals(a, router.route(8191));
        assertEquals(b, router.route(8192));
        assertEquals(b, router.route(16383));
        assertEquals("s2", router.map().shardOf(12182).shardId());
    }

    @Test
    void epochsOnlyGoForward() {
        SlotRouter router = router(a);
        router.offer(twoShards(5, a, b));

        assertFalse(router.offer(twoShards(4, c, c)), "an older epoch is refused, whatever it says");
        assertEquals(a, router.route(0));

        assertTrue(router.offer(SlotMap.of(6, List.of(new ShardRoute("s1", 0, 16383, c, List.of(a, b, c))))));
        assertEquals(6, router.map().epoch());
        assertEquals(c, router.route(16000), "a newer epoch replaces the map, ranges and all");
    }

    @Test
    void theSameEpochReplacesTheMapOnlyWhenLeadersMoved() {
        SlotRouter router = router(a);
        router.offer(twoShards(3, a, b));
        SlotMap before = router.map();

        assertFalse(router.offer(twoShards(3, a, b)), "nothing changed");
        assertSame(before, router.map());

        assertTrue(router.offer(twoShards(3, a, c)));
        assertEquals(c, router.route(9000));
    }

    @Test
    void aTopologyThatKnowsNoLeaderKeepsTheLeaderAlreadyKnown() {
        SlotRouter router = router(a);
        router.offer(twoShards(3, a, b));

        // A node just restarted: it knows the shards but not yet their leaders.
        router.offer(twoShards(3, null, c));

        assertEquals(a, router.route(0), "kept: no news is not news of a change");
        assertEquals(c, router.route(9000), "taken: a named leader replaces the old one");
    }

    @Test
    void aRedirectNamesTheLeaderOfOneShardOnly() {
        SlotRouter router = router(a);
        router.offer(twoShards(1, a, a));

        router.onLeaderHint("s2", 12182, c);

        assertEquals(a, router.route(0));
        assertEquals(c, router.route(12182));
        assertEquals(1, router.map().epoch(), "a hint does not change the epoch");
    }

    @Test
    void aRedirectAboutAShardTheMapDoesNotHaveChangesNothing() {
        SlotRouter router = router(a);
        router.offer(twoShards(1, a, b));

        router.onLeaderHint("s9", 100, c);

        assertEquals(a, router.route(100), "s9 is newer than this map; only a topology can place it");
    }

    @Test
    void beforeAnyTopologyARedirectLeadsEverySlot() {
        SlotRouter router = router(a, b);
        assertFalse(router.map().isKnown());
        assertEquals(a, router.route(0), "no leader known: the first seed");

        router.onLeaderHint("s1", 866, c);

        assertEquals(c, router.route(0));
        assertEquals(c, router.route(16383));
        assertEquals(c, router.route(-1), "keyless commands too");
        assertTrue(router.nodes().all().contains(c), "the named node is learned");
    }

    @Test
    void aDeadLeaderIsForgottenAndItsShardsAskTheirReplicasInTurn() {
        SlotRouter router = router(a);
        router.offer(twoShards(1, a, b));

        router.onNodeUnusable(a);

        assertNull(router.map().shardOf(0).leader());
        assertEquals(b, router.map().shardOf(9000).leader(), "b's shard is untouched");
        Endpoint asked = router.route(0);
        router.onNodeUnusable(asked);
        router.onNodeUnusable(asked);
        Endpoint next = router.route(0);
        assertFalse(asked.equals(next), "moved past the failed replica, once");
    }

    @Test
    void withoutAnyLeaderTheSeedsAreTriedInTurn() {
        SlotRouter router = router(a, b);
        assertEquals(a, router.route(5));
        router.onNodeUnusable(a);
        router.onNodeUnusable(a);
        assertEquals(b, router.route(5), "b is healthy and must not be skipped by repeated reports");
        router.onNodeUnusable(b);
        assertEquals(a, router.route(5), "wraps around");
    }

    @Test
    void overlappingShardsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SlotMap.of(1, List.of(
                new ShardRoute("s1", 0, 100, a, List.of()), new ShardRoute("s2", 100, 200, b, List.of()))));
        assertThrows(IllegalArgumentException.class, () -> new ShardRoute("s1", 10, 5, a, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ShardRoute("s1", 0, 16384, a, List.of()));
    }

    @Test
    void slotsNoShardOwnsGoToAnyNode() {
        SlotRouter router = router(c);
        router.offer(SlotMap.of(1, List.of(new ShardRoute("s1", 0, 99, a, List.of(a)))));
        assertNull(router.map().shardOf(100));
        assertEquals(c, router.route(100));
    }

    @Test
    void oneSlotPerLeaderNodeReachesEachLeaderOnceInEndpointOrder() {
        SlotMap map = SlotMap.of(1, List.of(
                new ShardRoute("s1", 0, 4095, b, List.of(a, b, c)),
                new ShardRoute("s2", 4096, 8191, a, List.of(a, b, c)),
                new ShardRoute("s3", 8192, 12287, b, List.of(a, b, c)),
                new ShardRoute("s4", 12288, 16383, null, List.of(a, b, c))));

        assertEquals(List.of(4096, 0, 12288), map.oneSlotPerLeader(),
                "a (s2), b (s1; s3 is b's again), then the leaderless s4 on its own");
    }

    @Test
    void endpointsParseAndPrint() {
        assertEquals(new Endpoint("127.0.0.1", 7101), Endpoint.parse("127.0.0.1:7101"));
        assertEquals(new Endpoint("::1", 7101), Endpoint.parse("[::1]:7101"));
        assertEquals("[::1]:7101", new Endpoint("::1", 7101).toString());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("no-port"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host:99999"));
    }
}
