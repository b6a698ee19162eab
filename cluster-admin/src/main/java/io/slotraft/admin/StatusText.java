package io.slotraft.admin;

import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.Operation;
import java.util.List;
import java.util.Optional;

/**
 * {@code slotraft-admin status}: meta's members, shards and running operations, and the nodes'
 * latest reports, as aligned text. Shard lines start with the shard id and keep their first five
 * columns (id, slots, preferred, leader, voters): scripts and tests split them on spaces.
 */
final class StatusText {
  private StatusText() {}

  /** @param nowMs this machine's clock, to show how old each report and operation is */
  static String render(MetaState state, long nowMs) {
    if (!state.getBootstrapped()) {
      return "meta is not bootstrapped yet: the nodes are still starting\n";
    }
    MetaView view = new MetaView(state);
    StringBuilder text = new StringBuilder();
    text.append(String.format("epoch %d: %d nodes, %d shards x %d replicas (meta log index %d)%n", state.getEpoch(),
        state.getPlan().getNodesCount(), state.getPlan().getShardsCount(), state.getPlan().getReplicationFactor(),
        state.getAppliedIndex()));
    text.append('\n').append(members(view, nowMs).render());
    text.append('\n').append(shards(view).render());
    List<Operation> running = view.running();
    text.append('\n');
    if (running.isEmpty()) {
      text.append("no operations running\n");
    } else {
      text.append(running.size()).append(running.size() == 1 ? " operation" : " operations").append(" running:\n")
          .append(OperationText.table(running, view, nowMs, false).render());
    }
    return text.toString();
  }

  /** META: votes in meta's group; REPLICAS and LEARNING: from meta's plan; LEADS and REPORTED: the node's report. */
  private static Table members(MetaView view, long nowMs) {
    Table table = new Table("NODE", "ID", "HOST", "RESP", "GRPC", "META", "DRAINING", "REPLICAS", "LEARNING",
        "LEADS", "REPORTED");
    List<String> metaVoters = view.metaVoters();
    for (NodeAddress node : view.state().getPlan().getNodesList()) {
      String id = node.getNodeId();
      Optional<NodeReport> report = view.report(id);
      table.row(node.getName(), id, node.getHost(), node.getRespPort(), node.getGrpcPort(),
          metaVoters.contains(id) ? "voter" : "-", view.draining(id) ? "yes" : "-", view.votersOn(id),
          view.learnersOn(id), view.leadsReported(id).map(String::valueOf).orElse("-"),
          report.map(r -> age(nowMs - r.getReportedAtMs())).orElse("never"));
    }
    return table;
  }

  private static Table shards(MetaView view) {
    Table table = new Table("SHARD", "SLOTS", "PREFERRED", "LEADER", "VOTERS", "LEARNERS");
    for (MetaShard shard : view.state().getPlan().getShardsList()) {
      table.row(shard.getShardId(), shard.getSlotStart() + "-" + shard.getSlotEnd(),
          shard.getReplicaNodeIdsCount() == 0 ? "none" : view.name(shard.getReplicaNodeIds(0)),
          view.reportedLeader(shard.getShardId()).map(view::name).orElse("none"),
          nodes(view, shard.getReplicaNodeIdsList()), nodes(view, shard.getLearnerNodeIdsList()));
    }
    return table;
  }

  private static String nodes(MetaView view, List<String> nodeIds) {
    return nodeIds.isEmpty() ? "-" : String.join(",", view.names(nodeIds));
  }

  private static String age(long ms) {
    return ms < 0 ? "just now" : Units.duration(ms) + " ago";
  }
}
