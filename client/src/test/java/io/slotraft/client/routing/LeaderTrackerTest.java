package io.slotraft.client.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where commands go as the tracker learns about the cluster. */
class LeaderTrackerTest {
    private final Endpoint a = Endpoint.parse("10.0.0.1:7101");
    private final Endpoint b = Endpoint.parse("10.0.0.2:7101");
    private final Endpoint c = Endpoint.parse("10.0.0.3:7101");

    @Test
    void withNoLeaderKnownTheFirstSeedIsUsedUntilItFails() {
        LeaderTracker tracker = new LeaderTracker(List.of(a, b));
        assertEquals(a, tracker.route(null));
        assertEquals(a, tracker.route("k".getBytes()));

        tracker.onNodeUnusable(a);
        assertEquals(b, tracker.route(null));
        tracker.onNodeUnusable(b);
        assertEquals(a, tracker.route(null), "wraps around");
    }

    @Test
    void aRedirectNamesTheLeaderAndANodeOutsideTheSeedsIsLearned() {
        LeaderTracker tracker = new LeaderTracker(List.of(a));
        tracker.onRedirect(a, c);
        assertEquals(c, tracker.route(null));

        tracker.onNodeUnusable(c);
        assertNull(tracker.knownLeader());
        assertEquals(a, tracker.route(null));
        tracker.onNodeUnusable(a);
        assertEquals(c, tracker.route(null), "the learned node is a candidate now too");
    }

    @Test
    void manyReportsAboutOneFailedNodeMoveOnOnlyOnce() {
        LeaderTracker tracker = new LeaderTracker(List.of(a, b, c));
        tracker.onNodeUnusable(a);
        tracker.onNodeUnusable(a);
        tracker.onNodeUnusable(a);
        assertEquals(b, tracker.route(null), "b is healthy and must not be skipped");
    }

    @Test
    void aFailureOfAnotherNodeLeavesTheLeaderAlone() {
        LeaderTracker tracker = new LeaderTracker(List.of(a, b));
        tracker.onRedirect(a, b);
        tracker.onNodeUnusable(a);
        assertEquals(b, tracker.route(null));
    }

    @Test
    void endpointsParseAndPrint() {
        assertEquals(new Endpoint("127.0.0.1", 7101), Endpoint.parse("127.0.0.1:7101"));
        assertEquals(new Endpoint("::1", 7101), Endpoint.parse("[::1]:7101"));
        assertEquals("[::1]:7101", new Endpoint("::1", 7101).toString());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("localhost:http"));
        assertThrows(IllegalArgumentException.class, () -> new LeaderTracker(List.of()));
    }
}
