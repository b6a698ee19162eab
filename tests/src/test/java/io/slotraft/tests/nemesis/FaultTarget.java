package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.util.List;

/**
 * What faults act on: the node processes, the network between them and their Raft groups; where they
 * say what they did, and the run's directory, where they may keep what they ran (the admin CLI's output).
 */
public record FaultTarget(ProcessCluster cluster, NetworkPartitioner network, LeaderTransfers transfers, FaultLog log,
    Path directory) {

  public NodeProcess node(String name) {
    return cluster.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  public List<String> nodeNames() {
    return cluster.nodes().stream().map(NodeProcess::name).toList();
  }
}
