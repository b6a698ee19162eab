package io.slotraft.admin;

import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.ProposeReply;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin set-preferred-leader SHARD NODE}: makes one of a shard's replicas the one
 * that leads it whenever it is up. Meta records it (a new epoch); the shard's leader then hands
 * leadership over, and clients follow. Waits until the node reports leading the shard.
 */
@Command(name = "set-preferred-leader", mixinStandardHelpOptions = true,
    description = "Make NODE (name or id) the preferred leader of SHARD and wait until it leads it.")
final class SetPreferredLeaderCommand extends Subcommand {
  private static final long POLL_MS = 250;

  @Parameters(index = "0", paramLabel = "SHARD", description = "Shard id, as `status` lists it (e.g. s3).")
  private String shardId;

  @Parameters(index = "1", paramLabel = "NODE", description = "Node name (e.g. n2) or id; must hold a replica.")
  private String nodeName;

  @Option(names = "--wait-secs", paramLabel = "SECONDS", defaultValue = "30", converter = Counts.NonNegative.class,
      description = "How long to wait for NODE to lead SHARD; 0 returns once meta records it (default: "
          + "${DEFAULT-VALUE}).")
  private int waitSecs;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = out();
    try (MetaClient meta = connect()) {
      MetaView view = new MetaView(meta.state());
      MetaShard shard = view.shard(shardId);
      NodeAddress target = view.node(nodeName);
      if (!shard.getReplicaNodeIdsList().contains(target.getNodeId())) {
        throw new AdminException(target.getName() + " holds no replica of " + shardId + "; its replicas are on "
            + shard.getReplicaNodeIdsList().stream().map(view::name).toList());
      }
      if (shard.getReplicaNodeIds(0).equals(target.getNodeId())) {
        out.println(target.getName() + " is already the preferred leader of " + shardId + " (epoch "
            + view.state().getEpoch() + ")");
      } else {
        ProposeReply reply = MetaChange.propose(meta, MetaCommands.setPreferredLeader(shardId, target.getNodeId()),
            "meta did not change");
        out.println(target.getName() + " is now the preferred leader of " + shardId + " (epoch " + reply.getEpoch()
            + ")");
      }
      out.flush();
      return waitSecs == 0 ? 0 : awaitLeader(meta, target);
    }
  }

  private int awaitLeader(MetaClient meta, NodeAddress target) throws InterruptedException {
    PrintWriter out = out();
    Ticker ticker = context().ticker();
    long start = ticker.monotonicMs();
    while (true) {
      Optional<String> leader = new MetaView(meta.state()).reportedLeader(shardId);
      double waited = (ticker.monotonicMs() - start) / 1e3;
      if (leader.isPresent() && leader.get().equals(target.getNodeId())) {
        out.printf("%s leads %s (reported after %.1f s)%n", target.getName(), shardId, waited);
        out.flush();
        return 0;
      }
      if (waited >= waitSecs) {
        throw new AdminException("meta records the change, but " + target.getName() + " did not report leading "
            + shardId + " within " + waitSecs + " s; leader balancing keeps trying while it is up and caught up");
      }
      ticker.sleep(POLL_MS);
    }
  }
}
