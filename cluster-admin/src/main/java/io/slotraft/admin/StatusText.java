package io.slotraft.admin;

import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.ShardReport;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code slotraft-admin status}: meta's topology and the nodes' latest reports, as aligned text. */
final class StatusText {
  private StatusText() {}

  /** @param nowMs this machine's clock, to show how old each report is */
  static String render(MetaState state, long nowMs) {
    if (!state.getBootstrapped()) {
      return "meta is not bootstrapped yet: the nodes are still starting\n";
    }
    MetaView view = new MetaView(state);
    StringBuilder text = new StringBuilder();
    text.append(String.format("epoch %d: %d nodes, %d shards x %d replicas (meta log index %d)%n", state.getEpoch(),
        state.getPlan().getNodesCount(), state.getPlan().getShardsCount(), state.getPlan().getReplicationFactor(),
        state.getAppliedIndex()));
    text.append(String.format("%nNODE  %-40s  %-15s  %5s  %5s  %8s  %5s  %s%n", "ID", "HOST", "RESP", "GRPC",
        "REPLICAS", "LEADS", "REPORTED"));
    for (NodeAddress node : state.getPlan().getNodesList()) {
      Optional<NodeReport> report = view.report(node.getNodeId());
      text.append(String.format("%-4s  %-40s  %-15s  %5d  %5d  %8s  %5s  %s%n", node.getName(), node.getNodeId(),
          node.getHost(), node.getRespPort(), node.getGrpcPort(),
          report.map(r -> Integer.toString(r.getShardsCount())).orElse("-"),
          report.map(r -> Long.toString(r.getShardsList().stream().filter(ShardReport::getLeader).count()))
              .orElse("-"),
          report.map(r -> age(nowMs - r.getReportedAtMs())).orElse("never")));
    }
    text.append(String.format("%n%-8s  %-11s  %-9s  %-9s  %s%n", "SHARD", "SLOTS", "PREFERRED", "LEADER",
        "REPLICAS"));
    for (MetaShard shard : state.getPlan().getShardsList()) {
      text.append(String.format("%-8s  %-11s  %-9s  %-9s  %s%n", shard.getShardId(),
          shard.getSlotStart() + "-" + shard.getSlotEnd(), view.name(shard.getReplicaNodeIds(0)),
          view.reportedLeader(shard.getShardId()).map(view::name).orElse("none"),
          shard.getReplicaNodeIdsList().stream().map(view::name).collect(Collectors.joining(","))));
    }
    return text.toString();
  }

  private static String age(long ms) {
    return ms < 0 ? "just now" : ms < 120_000 ? (ms / 1000) + " s ago" : (ms / 60_000) + " min ago";
  }
}
