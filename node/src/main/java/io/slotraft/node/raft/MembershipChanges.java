package io.slotraft.node.raft;

import com.alipay.sofa.jraft.CliService;
import com.alipay.sofa.jraft.RaftServiceFactory;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.CliOptions;
import java.util.List;
import java.util.Optional;

/**
 * Changes a group's voters through its leader (JRaft's CLI service over the Raft port), for a
 * replica that must be rebuilt from nothing: first out of the group, so that what it lost can no
 * longer count toward a majority, then back in, which the leader grants once it has caught the new
 * replica up. Blocking calls; one instance per use.
 */
public final class MembershipChanges implements AutoCloseable {
  /** A change commits in milliseconds; adding a replica waits for it to catch up (a snapshot install). */
  private static final int TIMEOUT_MS = 60_000;

  private final CliService cli;

  public MembershipChanges() {
    CliOptions options = new CliOptions();
    options.setTimeoutMs(TIMEOUT_MS);
    options.setMaxRetry(1);
    this.cli = RaftServiceFactory.createAndInitCliService(options);
  }

  /**
   * Removes {@code peer} from the group whose voters are (or were) {@code peers}; done also when the
   * leader no longer lists it, as after a removal whose answer was lost.
   *
   * @return empty when done, else why not (no leader, no quorum)
   */
  public Optional<String> remove(String groupId, List<String> peers, String peer) {
    List<String> voters = voters(groupId, peers);
    if (!voters.isEmpty() && !voters.contains(peer)) {
      return Optional.empty();
    }
    return failure(cli.removePeer(groupId, configuration(peers), PeerId.parsePeer(peer)));
  }

  /**
   * Adds {@code peer} back to the group; the leader answers once it caught the peer up and
   * committed the change. Done also when the leader lists it already.
   *
   * @return empty when done, else why not
   */
  public Optional<String> add(String groupId, List<String> peers, String peer) {
    if (voters(groupId, peers).contains(peer)) {
      return Optional.empty();
    }
    return failure(cli.addPeer(groupId, configuration(peers), PeerId.parsePeer(peer)));
  }

  /** The voters the group's leader reports now, by endpoint; empty when no leader answered. */
  private List<String> voters(String groupId, List<String> peers) {
    try {
      return cli.getPeers(groupId, configuration(peers)).stream().map(p -> p.getEndpoint().toString()).toList();
    } catch (IllegalStateException e) {
      return List.of(); // no leader found
    }
  }

  private static Optional<String> failure(Status status) {
    return status.isOk() ? Optional.empty() : Optional.of(status.toString());
  }

  private static Configuration configuration(List<String> peers) {
    Configuration conf = new Configuration();
    peers.forEach(p -> conf.addPeer(PeerId.parsePeer(p)));
    return conf;
  }

  @Override
  public void close() {
    cli.shutdown();
  }
}
