package io.slotraft.node.meta;

import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import java.util.Optional;

/**
 * What meta records for one kind of operation: when it may start, what its start and its steps
 * change in the topology. Pure, applied on every meta replica alike; the steps themselves are run by
 * the kind's driver on the meta leader. One implementation per operation package.
 */
public interface OperationKind {

  /** Why meta refuses to start {@code spec} in {@code state}; empty when it may start. */
  Optional<String> refusal(MetaState state, OperationSpec spec);

  /**
   * The spec as recorded (meta may fill in what it decided) and the topology once started. By
   * default the spec as asked and the topology unchanged: kinds that only run steps of other kinds.
   */
  default Started start(ClusterTopology topology, OperationSpec spec) {
    return new Started(spec, topology);
  }

  /** The step a new operation of this kind is at. */
  String firstStep(OperationSpec spec);

  /**
   * The topology once {@code advance} (already checked against the operation's step) is applied. By
   * default unchanged: the kind's steps change the topology through the operations they start.
   */
  default ClusterTopology afterAdvance(ClusterTopology topology, Operation operation, AdvanceOperation advance) {
    return topology;
  }

  /** Whether the operation names {@code nodeId} (a node it moves replicas off or onto). */
  boolean names(OperationSpec spec, String nodeId);

  /** A one-line description for the logs and the admin CLI, e.g. "move s3 n1 -> n4". */
  String describe(OperationSpec spec, ClusterTopology topology);

  /** A start's outcome. */
  record Started(OperationSpec recorded, ClusterTopology topology) {}
}
