package io.slotraft.tests.nemesis;

import com.alipay.sofa.jraft.CliService;
import com.alipay.sofa.jraft.RaftServiceFactory;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.CliOptions;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leadership transfers through JRaft's own CLI service: every node's Raft port serves it (the
 * {@code RaftRpcServerFactory} processors include TransferLeader), so the test needs neither an
 * admin API of ours nor a pause or kill to move a leader. Each shard's Raft group is named
 * {@code shard-<id>} and has a replica on every node (three nodes, three replicas).
 */
public final class LeaderTransfers implements AutoCloseable {
  private static final Pattern SHARD = Pattern.compile("\"shard\":\"([^\"]+)\"");

  private final ProcessCluster cluster;
  private final CliService cli;

  public LeaderTransfers(ProcessCluster cluster) {
    this.cluster = cluster;
    CliOptions options = new CliOptions();
    options.setTimeoutMs(2_000);
    options.setMaxRetry(1);
    this.cli = RaftServiceFactory.createAndInitCliService(options);
  }

  /** Asks the leader of a random shard to hand over to a random other replica; what was asked and answered. */
  public String transferOne(Random random) {
    List<String> shards = shardIds();
    if (shards.isEmpty()) {
      return "no node reports its shards";
    }
    String group = "shard-" + shards.get(random.nextInt(shards.size()));
    Configuration peers = new Configuration();
    for (NodeProcess node : cluster.nodes()) {
      peers.addPeer(new PeerId(node.host(), node.raftPort()));
    }
    PeerId leader = new PeerId();
    Status found = cli.getLeader(group, peers, leader);
    if (!found.isOk()) {
      return group + ": no leader (" + found.getErrorMsg() + ")";
    }
    List<PeerId> others = new ArrayList<>(peers.getPeers());
    others.remove(leader);
    PeerId to = others.get(random.nextInt(others.size()));
    Status transferred = cli.transferLeader(group, peers, to);
    return group + " " + nameOf(leader) + " -> " + nameOf(to) + ": "
        + (transferred.isOk() ? "accepted" : "refused (" + transferred.getErrorMsg() + ")");
  }

  private List<String> shardIds() {
    for (NodeProcess node : cluster.nodes()) {
      Optional<String> status = node.isAlive() ? cluster.status(node) : Optional.empty();
      if (status.isPresent()) {
        List<String> ids = new ArrayList<>();
        Matcher m = SHARD.matcher(status.get());
        while (m.find()) {
          ids.add(m.group(1));
        }
        return ids;
      }
    }
    return List.of();
  }

  private String nameOf(PeerId peer) {
    return cluster.nodes().stream().filter(n -> n.raftPort() == peer.getPort()).map(NodeProcess::name).findFirst()
        .orElse(peer.toString());
  }

  @Override
  public void close() {
    cli.shutdown();
  }
}
