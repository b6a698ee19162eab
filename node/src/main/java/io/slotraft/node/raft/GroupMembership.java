package io.slotraft.node.raft;

import java.util.List;
import java.util.Optional;

/**
 * Changing and inspecting a Raft group's membership through its leader, as operations need it. Each
 * call names the group and the endpoints it is believed to have; every change answers empty when
 * done, else why not. {@link GroupAdmin} does it over the Raft port.
 */
public interface GroupMembership {

  /** What the group's leader says of the group now. */
  record GroupView(String leader, List<String> voters, List<String> learners) {}

  /** The group as its leader sees it; empty when no leader answered (an election, no quorum). */
  Optional<GroupView> view(String groupId, List<String> endpoints);

  Optional<String> addLearner(String groupId, List<String> endpoints, String learner);

  Optional<String> removeLearner(String groupId, List<String> endpoints, String learner);

  /** Makes a caught-up learner a voter (the leader catches it up the rest of the way first). */
  Optional<String> promote(String groupId, List<String> endpoints, String learner);

  Optional<String> removeVoter(String groupId, List<String> endpoints, String voter);

  /** Asks the leader to hand leadership to {@code target}, or to its most caught-up voter when null. */
  Optional<String> transferLeader(String groupId, List<String> endpoints, String target);
}
