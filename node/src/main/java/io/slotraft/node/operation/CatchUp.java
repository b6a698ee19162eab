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
 * The catch-up step that moves and rebuilds share: wait until a learner holds the leader's state,
 * recording the bytes it has received against the size of the leader's snapshot, then go on to
 * {@code nextStep}. Holding it means: it has applied at least the leader's newest snapshot (a
 * snapshot being installed leaves its applied index at 0 until the whole snapshot is in, however few
 * entries the leader's log has: a shard of large values fits in a few dozen entries), something at
 * all once the leader has committed anything, and is within {@link #MARGIN} entries of the leader's
 * commit index.
 */
public final class CatchUp {
  /**
   * A learner this close to the leader's commit index counts as caught up: promoting it makes the
   * leader catch it up the rest of the way before it votes (JRaft's own margin is 1000).
   */
  public static final long MARGIN = 500;

  private CatchUp() {}

  /** Whether a learner that applied {@code applied} holds the state of {@code leader} (see the class comment). */
  static boolean caughtUp(ReplicaDescription leader, long applied) {
    return applied >= leader.getSnapshotIndex() && (leader.getCommittedIndex() == 0 || applied > 0)
        && leader.getCommittedIndex() - applied <= MARGIN;
  }

  public static List<MetaCommand> step(Operation operation, ClusterTopology topology, String groupId,
      GroupMembership.GroupView view, ClusterMember learner, String nextStep, DriverContext context) {
    ClusterMember leader = topology.memberAtRaftEndpoint(view.leader())
        .orElseThrow(() -> new IllegalStateException("the leader " + view.leader() + " is not a member"));
    ReplicaDescription leaderReplica = context.describe(leader, groupId)
        .orElseThrow(() -> new IllegalStateException("the leader " + leader.name() + " did not describe " + groupId));
    Optional<ReplicaDescription> learning = context.describe(learner, groupId);
    long now = context.nowMs();
    if (learning.isEmpty()) {
      return List.of(); // its node has not started it yet (it reconciles every second)
    }
    long applied = learning.get().getAppliedIndex();
    long behind = leaderReplica.getCommittedIndex() - applied;
    long bytesTotal = Math.max(leaderReplica.getBytesOnDisk(), learning.get().getBytesOnDisk());
    if (caughtUp(leaderReplica, applied)) {
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
        .setDetail(applied == 0 ? "receiving the leader's snapshot" : behind + " entries behind").setAtMs(now)
        .setBytesDone(learning.get().getBytesOnDisk()).setBytesTotal(bytesTotal).build()));
  }
}
