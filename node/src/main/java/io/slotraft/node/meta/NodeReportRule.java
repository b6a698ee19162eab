package io.slotraft.node.meta;

import io.slotraft.proto.v1.NodeReport;

/** Records a member's report of its replicas; never raises the epoch. */
final class NodeReportRule implements MetaCommandRule<NodeReport> {
  @Override
  public Applied apply(MetaState state, long index, NodeReport report) {
    if (!state.bootstrapped() || state.topology().member(report.getNodeId()).isEmpty()) {
      return new Applied(state, new MetaOutcome(false, "report from " + report.getNodeId() + " ignored: not a member "
          + "of meta's topology", false));
    }
    return new Applied(state.withReport(MetaProtos.report(report)), new MetaOutcome(true, "report from "
        + report.getNodeId() + ": " + report.getShardsCount() + " replicas", true));
  }
}
