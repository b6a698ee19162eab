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
 * Changes and inspects any group's membership through its leader (JRaft's CLI service over the Raft
 * port), for the operations the meta leader drives: add a learner, promote it, hand leadership over,
 * remove a voter. Every call names the group by its id and the endpoints it is believed to have (any
 * that answers leads the call to the leader). Blocking calls, each bounded by {@link #TIMEOUT_MS}.
 */
public final class GroupAdmin implements GroupMembership, AutoCloseable {
  /** One membership change commits in milliseconds; promoting a caught-up learner needs a little more. */
  private static final int TIMEOUT_MS = 15_000;

  private final CliService cli;

  public GroupAdmin() {
    CliOptions options = new CliOptions();
    options.setTimeoutMs(TIMEOUT_MS);
    options.setMaxRetry(1);
    this.cli = RaftServiceFactory.createAndInitCliService(options);
  }

  @Override
  public Optional<GroupView> view(String groupId, List<String> endpoints) {
    Configuration conf = configuration(endpoints);
    PeerId leader = new PeerId();
    if (!cli.getLeader(groupId, conf, leader).isOk() || leader.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<String> voters = cli.getPeers(groupId, conf).stream().map(GroupAdmin::endpoint).toList();
      List<String> learners = cli.getLearners(groupId, conf).stream().map(GroupAdmin::endpoint).toList();
      return Optional.of(new GroupView(endpoint(leader), voters, learners));
    } catch (IllegalStateException e) {
      return Optional.empty(); // the leader changed between the calls
    }
  }

  @Override
  public Optional<String> addLearner(String groupId, List<String> endpoints, String learner) {
    return failure(cli.addLearners(groupId, configuration(endpoints), List.of(PeerId.parsePeer(learner))));
  }

  @Override
  public Optional<String> removeLearner(String groupId, List<String> endpoints, String learner) {
    return failure(cli.removeLearners(groupId, configuration(endpoints), List.of(PeerId.parsePeer(learner))));
  }

  @Override
  public Optional<String> promote(String groupId, List<String> endpoints, String learner) {
    return failure(cli.learner2Follower(groupId, configuration(endpoints), PeerId.parsePeer(learner)));
  }

  @Override
  public Optional<String> removeVoter(String groupId, List<String> endpoints, String voter) {
    return failure(cli.removePeer(groupId, configuration(endpoints), PeerId.parsePeer(voter)));
  }

  @Override
  public Optional<String> transferLeader(String groupId, List<String> endpoints, String target) {
    return failure(cli.transferLeader(groupId, configuration(endpoints),
        target == null ? PeerId.ANY_PEER : PeerId.parsePeer(target)));
  }

  private static String endpoint(PeerId peer) {
    return peer.getEndpoint().toString();
  }

  private static Optional<String> failure(Status status) {
    return status.isOk() ? Optional.empty() : Optional.of(status.getErrorMsg() == null ? status.toString()
        : status.getErrorMsg());
  }

  private static Configuration configuration(List<String> endpoints) {
    Configuration conf = new Configuration();
    endpoints.forEach(p -> conf.addPeer(PeerId.parsePeer(p)));
    return conf;
  }

  @Override
  public void close() {
    cli.shutdown();
  }
}
