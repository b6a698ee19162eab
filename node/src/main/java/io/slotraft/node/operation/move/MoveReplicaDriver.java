package io.slotraft.node.operation.move;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.operation.CatchUp;
import io.slotraft.node.operation.DriverContext;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.node.operation.StepDriver;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import java.util.List;
import java.util.Optional;

/** Runs a replica move's steps on the meta leader (see the package comment). */
public final class MoveReplicaDriver implements StepDriver {
  public static final MoveReplicaDriver INSTANCE = new MoveReplicaDriver();
  /** How long the leader balancer gets to move a shard's leadership off the source gracefully. */
  static final long BALANCER_GRACE_MS = 15_000;

  private MoveReplicaDriver() {}

  @Override
  public List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) {
    MoveReplicaSpec move = operation.getSpec().getMoveReplica();
    ClusterTopology topology = state.topology();
    Group group = group(topology, move);
    MoveStep step = MoveStep.valueOf(operation.getStep());
    long now = context.nowMs();
    if (operation.getCancelRequested() && step.canRollBack() && step != MoveStep.ROLL_BACK) {
      return List.of(OperationRunner.advance(operation, MoveStep.ROLL_BACK.name(), "cancelled at " + step, now));
    }
    GroupMembership groups = context.groups();
    GroupMembership.GroupView view = groups.view(group.id, group.endpoints)
        .orElseThrow(() -> new IllegalStateException(group.id + " has no leader now"));
    return switch (step) {
      case ADD_LEARNER -> {
        if (!view.learners().contains(group.target) && !view.voters().contains(group.target)) {
          fail(groups.addLearner(group.id, group.endpoints, group.target), "add the learner");
        }
        yield List.of(OperationRunner.advance(operation, MoveStep.CATCH_UP.name(), "learner added on "
            + name(topology, move.getToNodeId()), now));
      }
      case CATCH_UP -> CatchUp.step(operation, topology, group.id, view, topology.member(move.getToNodeId())
          .orElseThrow(), MoveStep.PROMOTE.name(), context);
      case PROMOTE -> {
        if (!view.voters().contains(group.target)) {
          fail(groups.promote(group.id, group.endpoints, group.target), "promote the learner");
        }
        if (group.source == null) {
          yield List.of(OperationRunner.end(operation, MoveStep.DONE.name(), OperationStatus.OPERATION_SUCCEEDED,
              "a vote added in " + (now - operation.getStartedAtMs()) / 1000.0 + " s", now));
        }
        yield List.of(OperationRunner.advance(operation, MoveStep.HAND_OVER_LEADERSHIP.name(), "target votes", now));
      }
      case HAND_OVER_LEADERSHIP -> {
        if (view.leader().equals(group.source)) {
          handOver(operation, group, move, now, groups);
          yield List.of(); // the next pass checks that it moved
        }
        yield List.of(OperationRunner.advance(operation, MoveStep.REMOVE_SOURCE.name(), "source does not lead", now));
      }
      case REMOVE_SOURCE -> {
        if (group.target != null && !view.voters().contains(group.target)) {
          throw new IllegalStateException("the target is not a voter; the source stays (never fewer voters)");
        }
        if (view.voters().contains(group.source)) {
          if (view.leader().equals(group.source)) {
            // It leads again (an election since the hand-over): hand over again, remove it next pass.
            handOver(operation, group, move, now, groups);
            yield List.of();
          }
          fail(groups.removeVoter(group.id, group.endpoints, group.source), "remove the source");
        }
        yield List.of(OperationRunner.end(operation, MoveStep.DONE.name(), OperationStatus.OPERATION_SUCCEEDED,
            "moved in " + (now - operation.getStartedAtMs()) / 1000.0 + " s", now));
      }
      case ROLL_BACK -> {
        if (view.learners().contains(group.target)) {
          fail(groups.removeLearner(group.id, group.endpoints, group.target), "remove the learner");
        } else if (view.voters().contains(group.target)) {
          fail(groups.removeVoter(group.id, group.endpoints, group.target), "remove the target");
        }
        OperationStatus status = operation.getCancelRequested() ? OperationStatus.OPERATION_CANCELLED
            : OperationStatus.OPERATION_FAILED;
        yield List.of(OperationRunner.end(operation, MoveStep.DONE.name(), status, "rolled back", now));
      }
      case DONE -> throw new IllegalStateException("a running move is never at DONE");
    };
  }

  /**
   * Moves leadership off the source. A shard's leader balancer does it without failing any write in
   * flight (the source is no longer its preferred leader, see {@link MoveReplicaKind}), so the driver
   * leaves it {@link #BALANCER_GRACE_MS} before it asks JRaft directly, which can leave writes in
   * flight with an unknown fate. Meta's own group has no balancer: it is asked at once.
   */
  private static void handOver(Operation operation, Group group, MoveReplicaSpec move, long now,
      GroupMembership groups) {
    boolean meta = group.id.equals(ClusterTopology.META_GROUP);
    if (!meta && now - operation.getUpdatedAtMs() < BALANCER_GRACE_MS) {
      return;
    }
    fail(groups.transferLeader(group.id, group.endpoints, move.getFromWasPreferred() ? group.target : null),
        "hand leadership over");
  }

  private static void fail(Optional<String> failure, String what) {
    failure.ifPresent(why -> {
      throw new IllegalStateException("cannot " + what + ": " + why);
    });
  }

  /**
   * The group a move changes (a shard's, or meta's own) with every endpoint it may answer on: its
   * voters and learners as meta records them.
   */
  private static Group group(ClusterTopology topology, MoveReplicaSpec move) {
    // Null for a vote in meta added (no source) or removed (no target).
    String source = move.getFromNodeId().isEmpty() ? null : raftEndpoint(topology, move.getFromNodeId());
    String target = move.getToNodeId().isEmpty() ? null : raftEndpoint(topology, move.getToNodeId());
    ClusterTopology.RaftGroup group = topology.raftGroup(move.getShardId())
        .orElseThrow(() -> new IllegalStateException("shard " + move.getShardId() + " is gone"));
    return new Group(group.groupId(), group.endpoints(), source, target);
  }

  private static String raftEndpoint(ClusterTopology topology, String nodeId) {
    return topology.member(nodeId).map(ClusterMember::raftEndpoint)
        .orElseThrow(() -> new IllegalStateException(nodeId + " is not a member"));
  }

  private static String name(ClusterTopology topology, String nodeId) {
    return MoveReplicaKind.name(topology, nodeId);
  }

  /** The group a move changes, and the Raft endpoints of its source and target. */
  private record Group(String id, List<String> endpoints, String source, String target) {}
}
