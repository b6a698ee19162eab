package io.slotraft.node.operation.rebuild;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.operation.CatchUp;
import io.slotraft.node.operation.DriverContext;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.node.operation.StepDriver;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.RebuildReplicaSpec;
import java.util.List;
import java.util.Optional;

/** Runs a rebuild's steps on the meta leader (see the package comment). */
public final class RebuildReplicaDriver implements StepDriver {
  public static final RebuildReplicaDriver INSTANCE = new RebuildReplicaDriver();

  private RebuildReplicaDriver() {}

  @Override
  public List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) {
    RebuildReplicaSpec rebuild = operation.getSpec().getRebuildReplica();
    ClusterTopology topology = state.topology();
    ClusterTopology.RaftGroup group = topology.raftGroup(rebuild.getShardId())
        .orElseThrow(() -> new IllegalStateException("shard " + rebuild.getShardId() + " is gone"));
    ClusterMember node = topology.member(rebuild.getNodeId())
        .orElseThrow(() -> new IllegalStateException(rebuild.getNodeId() + " is not a member"));
    String groupId = group.groupId();
    List<String> endpoints = group.endpoints();
    String replica = node.raftEndpoint();
    long now = context.nowMs();
    GroupMembership groups = context.groups();
    GroupMembership.GroupView view = groups.view(groupId, endpoints)
        .orElseThrow(() -> new IllegalStateException(groupId + " has no leader now"));
    return switch (RebuildStep.valueOf(operation.getStep())) {
      case REMOVE_DAMAGED -> {
        if (view.voters().contains(replica)) {
          if (view.leader().equals(replica)) {
            throw new IllegalStateException("the damaged replica leads; it cannot, having not started");
          }
          fail(groups.removeVoter(groupId, endpoints, replica), "take the damaged replica out of the group");
        }
        yield List.of(OperationRunner.advance(operation, RebuildStep.AWAIT_EMPTY.name(),
            "out of the group: its node may set the damaged copy aside", now));
      }
      case AWAIT_EMPTY -> context.describe(node, groupId).isEmpty() ? List.of()
          : List.of(OperationRunner.advance(operation, RebuildStep.ADD_LEARNER.name(), "running empty", now));
      case ADD_LEARNER -> {
        if (!view.learners().contains(replica) && !view.voters().contains(replica)) {
          fail(groups.addLearner(groupId, endpoints, replica), "add the empty replica as a learner");
        }
        yield List.of(OperationRunner.advance(operation, RebuildStep.CATCH_UP.name(), "learner added", now));
      }
      case CATCH_UP -> CatchUp.step(operation, topology, groupId, view, node, RebuildStep.PROMOTE.name(), context);
      case PROMOTE -> {
        if (!view.voters().contains(replica)) {
          fail(groups.promote(groupId, endpoints, replica), "promote the rebuilt replica");
        }
        yield List.of(OperationRunner.end(operation, RebuildStep.DONE.name(), OperationStatus.OPERATION_SUCCEEDED,
            "rebuilt in " + (now - operation.getStartedAtMs()) / 1000.0 + " s", now));
      }
      case DONE -> throw new IllegalStateException("a running rebuild is never at DONE");
    };
  }

  private static void fail(Optional<String> failure, String what) {
    failure.ifPresent(why -> {
      throw new IllegalStateException("cannot " + what + ": " + why);
    });
  }
}
