package io.slotraft.tests.nemesis;

import com.alipay.sofa.jraft.CliService;
import com.alipay.sofa.jraft.RaftServiceFactory;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.CliOptions;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shard's Raft group as its leader sees it, through JRaft's CLI service on the nodes' Raft ports
 * (as {@link LeaderTransfers} reaches them): who leads, which peers vote and which only learn. This
 * is Raft's own configuration, not meta's record of it, so the two can be compared.
 */
final class RaftGroups implements AutoCloseable {
  /** Peers by node name (a peer no node of the cluster listens on, by its address). */
  record View(String leader, List<String> voters, List<String> learners) {}

  private final ProcessCluster cluster;
  private final CliService cli;
  private final Map<String, PeerId> lastLeaders = new ConcurrentHashMap<>();

  RaftGroups(ProcessCluster cluster) {
    this.cluster = cluster;
    CliOptions options = new CliOptions();
    options.setTimeoutMs(2_000);
    options.setMaxRetry(1);
    this.cli = RaftServiceFactory.createAndInitCliService(options);
  }

  /** The group of shard {@code shardId} as its leader reports it; empty while no leader answers. */
  Optional<View> view(String shardId) {
    String group = "shard-" + shardId;
    Configuration everyNode = askingLastLeaderFirst(group);
    PeerId leader = new PeerId();
    if (!cli.getLeader(group, everyNode, leader).isOk() || leader.isEmpty()) {
      return Optional.empty();
    }
    lastLeaders.put(group, leader);
    try {
      return Optional.of(new View(nameOf(leader), cli.getPeers(group, everyNode).stream().map(this::nameOf).toList(),
          cli.getLearners(group, everyNode).stream().map(this::nameOf).toList()));
    } catch (RuntimeException noAnswer) {
      // The leader changed between the calls, went out of reach, or failed the request (JRaft's
      // "handleRequest internal error" from a node still starting its replicas): no view this time.
      return Optional.empty();
    }
  }

  /**
   * Every node's Raft address, the group's last known leader first: JRaft asks them in order, each
   * within the timeout, so a paused node early in the list would cost every look its timeout.
   */
  private Configuration askingLastLeaderFirst(String group) {
    Configuration everyNode = new Configuration();
    PeerId last = lastLeaders.get(group);
    if (last != null) {
      everyNode.addPeer(last);
    }
    for (NodeProcess node : cluster.nodes()) {
      everyNode.addPeer(new PeerId(node.host(), node.raftPort()));
    }
    return everyNode;
  }

  private String nameOf(PeerId peer) {
    return cluster.nodes().stream()
        .filter(n -> n.host().equals(peer.getIp()) && n.raftPort() == peer.getPort())
        .map(NodeProcess::name).findFirst().orElse(peer.getEndpoint().toString());
  }

  @Override
  public void close() {
    cli.shutdown();
  }
}
