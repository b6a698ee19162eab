package io.slotraft.client.topology;

import io.slotraft.client.metrics.ClientMetrics;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.proto.v1.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each topology a node sent, however it came (GetTopology, WatchTopology), to the router. */
final class SlotMapUpdater {
    private static final Logger log = LoggerFactory.getLogger(SlotMapUpdater.class);

    private final SlotRouter router;
    private final ClientMetrics metrics;

    SlotMapUpdater(SlotRouter router, ClientMetrics metrics) {
        this.router = router;
        this.metrics = metrics;
    }

    /** Returns whether the topology replaced the slot map. */
    boolean apply(Topology topology, Endpoint from) {
        router.nodes().addAll(TopologySlotMaps.nodes(topology));
        boolean changed;
        try {
            changed = router.offer(TopologySlotMaps.toSlotMap(topology));
        } catch (IllegalArgumentException e) {
            // A node's bug must not take the client down: keep routing by the map we have.
            log.warn("ignored a malformed topology from {}: {}", from, e.getMessage());
            return false;
        }
        metrics.recordTopologyLoad(changed);
        if (changed) {
            log.debug("topology of epoch {} from {} changed the slot map", topology.getEpoch(), from);
        }
        return changed;
    }

    SlotRouter router() {
        return router;
    }
}
