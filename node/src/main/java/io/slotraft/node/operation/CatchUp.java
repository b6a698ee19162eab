package io.slotraft.node.operation;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ReplicaDescription;
import java.util.List;
import java.util.Optional;

/**
 * The catch-up step that moves and rebuilds share: wait until a learner has applied to within
 * {@link #MARGIN} entries of its leader's commit index, recording the bytes it has received against
 * the size of the leader's snapshot, then go on to {@code nextStep}.
 */
public final class CatchUp {
  /**
   * A learner this close to the leader's commit index counts as caught up: promoting it makes the
   * leader catch it up the rest of the way before it votes (JRaft's own margin is 1000).
   */
  public static final long MARGIN = 500;

  private CatchUp() {}

  public static List<MetaCommand> step(Operation operation, ClusterTopology topology, String groupId,
      GroupMembership.GroupView view, ClusterMember learner, String nextStep, DriverContext context) {
    ClusterMember leader = topology.members().stream().filter(m -> m.raftEndpoint().equals(view.leader())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the leader " + view.leader() + " is not a member"));
    ReplicaDescription leaderReplica = context.describe(leader, groupId)
        .orElseThrow(() -> new IllegalStateException("the leader " + leader.name() + " did not describe " + groupId));
    Optional<ReplicaDescription> learning = context.describe(learner, groupId);
    long now = context.nowMs();
    if (learning.isEmpty()) {
      return List.of(); // its node has not started it yet (it reconciles every second)
    }
    long behind = leaderReplica.getCommittedIndex() - learning.get().getAppliedIndex();
    long bytesTotal = Math.max(leaderReplica.getBytesOnDisk(), learning.get().getBytesOnDisk());
    if (behind <= MARGIN) {
      return List.of(MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
          .setFromStep(operation.getStep()).setToStep(nextStep).setStatus(OperationStatus.OPERATION_RUNNING)
          .setDetail("caught up: applied " + learning.get().getAppliedIndex() + " of "
              + leaderReplica.getCommittedIndex())
          .setAtMs(now).setBytesDone(bytesTotal).setBytesTotal(bytesTotal).build()));
    }
    if (learning.get().getBytesOnDisk() == operation.getBytesDone() && bytesTotal == operation.getBytesTotal()) {
      return List.of(); // no news: no record
    }
    return List.of(MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
        .setFromStep(operation.getStep()).setToStep(operation.getStep()).setStatus(OperationStatus.OPERATION_RUNNING)
        .setDetail(behind + " entries behind").setAtMs(now)
        .setBytesDone(learning.get().getBytesOnDisk()).setBytesTotal(bytesTotal).build()));
  }
}
