package io.slotraft.client.topology;

import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.ShardRoute;
import io.slotraft.client.routing.SlotMap;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.ShardInfo;
import io.slotraft.proto.v1.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code Topology} message as a {@link SlotMap}: node ids become the nodes' gRPC endpoints. */
final class TopologySlotMaps {
    private TopologySlotMaps() {
    }

    /** Throws IllegalArgumentException for a topology whose shards overlap or leave their slot range. */
    static SlotMap toSlotMap(Topology topology) {
        Map<String, Endpoint> byNodeId = new HashMap<>();
        for (NodeAddress node : topology.getNodesList()) {
            Endpoint endpoint = Endpoint.of(node);
            if (endpoint != null) {
                byNodeId.put(node.getNodeId(), endpoint);
            }
        }
        List<ShardRoute> shards = new ArrayList<>(topology.getShardsCount());
        for (ShardInfo shard : topology.getShardsList()) {
            List<Endpoint> replicas = new ArrayList<>(shard.getReplicaNodeIdsCount());
            for (String replica : shard.getReplicaNodeIdsList()) {
                Endpoint endpoint = byNodeId.get(replica);
                if (endpoint != null) {
                    replicas.add(endpoint);
                }
            }
            // An empty leader id (no leader known) finds nothing, as intended.
            Endpoint leader = byNodeId.get(shard.getLeaderNodeId());
            shards.add(new ShardRoute(shard.getShardId(), shard.getSlotStart(), shard.getSlotEnd(), leader, replicas));
        }
        return SlotMap.of(topology.getEpoch(), shards);
    }

    static List<Endpoint> nodes(Topology topology) {
        List<Endpoint> nodes = new ArrayList<>(topology.getNodesCount());
        for (NodeAddress node : topology.getNodesList()) {
            Endpoint endpoint = Endpoint.of(node);
            if (endpoint != null) {
                nodes.add(endpoint);
            }
        }
        return nodes;
    }
}
