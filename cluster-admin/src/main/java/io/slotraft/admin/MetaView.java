package io.slotraft.admin;

import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ShardReport;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lookups over one read of meta: nodes by name or id, shards by id, what each node holds and reports
 * leading, meta's voters, and the operations meta keeps.
 */
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

  /**
   * The node's short name, or its id when meta does not know it (an operation can outlive the
   * member it moved replicas off).
   */
  String name(String nodeId) {
    return state.getPlan().getNodesList().stream().filter(n -> n.getNodeId().equals(nodeId))
        .map(NodeAddress::getName).findFirst().orElse(nodeId);
  }

  List<String> names(List<String> nodeIds) {
    return nodeIds.stream().map(this::name).toList();
  }

  /**
   * The voters of meta's own group. Plans recorded before the plan listed them leave the list empty:
   * then they are the first 3 members, or the first 5 once there are 5 or more (meta.proto).
   */
  List<String> metaVoters() {
    if (state.getPlan().getMetaVoterNodeIdsCount() > 0) {
      return state.getPlan().getMetaVoterNodeIdsList();
    }
    List<NodeAddress> nodes = state.getPlan().getNodesList();
    return nodes.subList(0, Math.min(nodes.size(), nodes.size() >= 5 ? 5 : 3)).stream()
        .map(NodeAddress::getNodeId).toList();
  }

  boolean draining(String nodeId) {
    return state.getPlan().getDrainingNodeIdsList().contains(nodeId);
  }

  /** Shards the node votes in, as meta's plan says (not as the node reports). */
  long votersOn(String nodeId) {
    return state.getPlan().getShardsList().stream().filter(s -> s.getReplicaNodeIdsList().contains(nodeId)).count();
  }

  /** Shards a replica move is adding the node to. */
  long learnersOn(String nodeId) {
    return state.getPlan().getShardsList().stream().filter(s -> s.getLearnerNodeIdsList().contains(nodeId)).count();
  }

  Optional<NodeReport> report(String nodeId) {
    return state.getReportsList().stream().filter(r -> r.getNodeId().equals(nodeId)).findFirst();
  }

  /** How many shards the node's latest report says it leads; empty when it never reported. */
  Optional<Long> leadsReported(String nodeId) {
    return report(nodeId).map(r -> r.getShardsList().stream().filter(ShardReport::getLeader).count());
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

  Optional<Operation> operation(long id) {
    return state.getOperationsList().stream().filter(op -> op.getId() == id).findFirst();
  }

  /** The moves a drain or rebalance started, by id. */
  List<Operation> children(long parentId) {
    return state.getOperationsList().stream().filter(op -> op.getParentId() == parentId).toList();
  }

  List<Operation> running() {
    return state.getOperationsList().stream().filter(op -> op.getStatus() == OperationStatus.OPERATION_RUNNING)
        .toList();
  }
}
