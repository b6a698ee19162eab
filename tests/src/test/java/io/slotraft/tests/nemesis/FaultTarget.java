package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.util.List;

/** What faults act on: the node processes, the network between them and their Raft groups; and where they say what they did. */
public record FaultTarget(ProcessCluster cluster, NetworkPartitioner network, LeaderTransfers transfers, FaultLog log) {

  public NodeProcess node(String name) {
    return cluster.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  public List<String> nodeNames() {
    return cluster.nodes().stream().map(NodeProcess::name).toList();
  }
}
