package io.slotraft.node.operation.drain;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.OperationKind;
import io.slotraft.node.operation.move.MoveReplicaKind;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.DrainNodeSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import java.util.Optional;

/**
 * What meta records of a drain: it may start for a member not already draining when the other
 * members can hold every shard's replicas and, if it holds one of meta's votes, another member can
 * take that vote; its start marks the node draining (no new replica goes there, clients
 * see no change, so the epoch stays); a cancelled or failed drain clears the mark, a finished one
 * keeps it until the node is removed.
 */
public final class DrainNodeKind implements OperationKind {
  public static final DrainNodeKind INSTANCE = new DrainNodeKind();

  private DrainNodeKind() {}

  @Override
  public Optional<String> refusal(MetaState state, OperationSpec spec) {
    DrainNodeSpec drain = spec.getDrainNode();
    ClusterTopology topology = state.topology();
    Optional<ClusterMember> node = topology.member(drain.getNodeId());
    if (node.isEmpty()) {
      return Optional.of("there is no member " + drain.getNodeId());
    }
    if (drain.getMaxConcurrentMoves() < 1) {
      return Optional.of("max concurrent moves must be at least 1");
    }
    if (topology.isDraining(drain.getNodeId()) && state.runningOperations().stream()
        .anyMatch(op -> op.getSpec().hasDrainNode() && op.getSpec().getDrainNode().getNodeId().equals(drain.getNodeId()))) {
      return Optional.of(node.get().name() + " is already being drained");
    }
    long others = topology.members().stream()
        .filter(m -> !m.nodeId().equals(drain.getNodeId()) && !topology.isDraining(m.nodeId())).count();
    if (others < topology.replicationFactor()) {
      return Optional.of("the other " + others + " nodes cannot hold " + topology.replicationFactor()
          + " replicas of every shard; add a node first");
    }
    if (topology.isMetaVoter(drain.getNodeId()) && MoveReplicaKind.metaVoteTarget(topology).isEmpty()
        && topology.metaVoterNodeIds().size() <= MoveReplicaKind.MIN_META_VOTERS) {
      return Optional.of(node.get().name() + " holds one of meta's votes " + topology.metaVoters().stream()
          .map(ClusterMember::name).toList() + " and no other node can take it; add a node first");
    }
    return Optional.empty();
  }

  @Override
  public Started start(ClusterTopology topology, OperationSpec spec) {
    return new Started(spec, topology.withDraining(spec.getDrainNode().getNodeId(), true));
  }

  @Override
  public String firstStep(OperationSpec spec) {
    return DrainStep.MOVE_REPLICAS.name();
  }

  @Override
  public ClusterTopology afterAdvance(ClusterTopology topology, Operation operation, AdvanceOperation advance) {
    boolean undone = advance.getStatus() == OperationStatus.OPERATION_CANCELLED
        || advance.getStatus() == OperationStatus.OPERATION_FAILED;
    return undone ? topology.withDraining(operation.getSpec().getDrainNode().getNodeId(), false) : topology;
  }

  @Override
  public boolean names(OperationSpec spec, String nodeId) {
    return spec.getDrainNode().getNodeId().equals(nodeId);
  }

  @Override
  public String describe(OperationSpec spec, ClusterTopology topology) {
    String nodeId = spec.getDrainNode().getNodeId();
    return "drain " + topology.member(nodeId).map(ClusterMember::name).orElse(nodeId);
  }
}
