package io.slotraft.admin;

import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import java.util.Comparator;
import java.util.Optional;

/** Lookups over one read of meta: nodes by name or id, shards by id, and who reports leading what. */
record MetaView(MetaState state) {

  /** A node named by the operator: its short name (n2) or its 40-character id. */
  NodeAddress node(String nameOrId) {
    return state.getPlan().getNodesList().stream()
        .filter(n -> n.getName().equals(nameOrId) || n.getNodeId().equals(nameOrId))
        .findFirst()
        .orElseThrow(() -> new AdminException("no node '" + nameOrId + "' in the cluster; its nodes are "
            + state.getPlan().getNodesList().stream().map(NodeAddress::getName).toList()));
  }

  MetaShard shard(String shardId) {
    return state.getPlan().getShardsList().stream()
        .filter(s -> s.getShardId().equals(shardId))
        .findFirst()
        .orElseThrow(() -> new AdminException("no shard '" + shardId + "'; its shards are "
            + state.getPlan().getShardsList().stream().map(MetaShard::getShardId).toList()));
  }

  /** The node's short name, or its id when meta does not know it. */
  String name(String nodeId) {
    return state.getPlan().getNodesList().stream().filter(n -> n.getNodeId().equals(nodeId))
        .map(NodeAddress::getName).findFirst().orElse(nodeId);
  }

  Optional<NodeReport> report(String nodeId) {
    return state.getReportsList().stream().filter(r -> r.getNodeId().equals(nodeId)).findFirst();
  }

  /**
   * The node whose latest report says it leads {@code shardId}; empty when none does. When several
   * say so (a node that died while leading keeps its last report), the newest report wins.
   */
  Optional<String> reportedLeader(String shardId) {
    return state.getReportsList().stream()
        .filter(report -> report.getShardsList().stream()
            .anyMatch(shard -> shard.getShardId().equals(shardId) && shard.getLeader()))
        .max(Comparator.comparingLong(NodeReport::getReportedAtMs))
        .map(NodeReport::getNodeId);
  }
}
