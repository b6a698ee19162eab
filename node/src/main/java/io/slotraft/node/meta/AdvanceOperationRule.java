package io.slotraft.node.meta;

import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.StepRecord;

/**
 * Records a step an operation's driver finished, progress within a step, or the operation's end.
 * Applied only while the operation runs and is still at {@code from_step}: a driver that lost meta's
 * leadership and acts on an old view changes nothing, so two drivers never advance one operation
 * twice. What the step changes in the topology is its kind's ({@link OperationKind#afterAdvance}).
 */
final class AdvanceOperationRule implements MetaCommandRule<AdvanceOperation> {
  @Override
  public Applied apply(MetaState state, long index, AdvanceOperation advance) {
    Operation operation = state.operations().get(advance.getId());
    String what = "AdvanceOperation(" + advance.getId() + " " + advance.getFromStep() + " -> " + advance.getToStep()
        + ")";
    if (operation == null || !MetaState.running(operation)) {
      return Applied.noOp(state, what + " ignored: the operation is not running");
    }
    if (!operation.getStep().equals(advance.getFromStep())) {
      return Applied.noOp(state, what + " ignored: the operation is at " + operation.getStep());
    }
    boolean ends = advance.getStatus() != OperationStatus.OPERATION_RUNNING;
    boolean moves = ends || !advance.getFromStep().equals(advance.getToStep());
    ClusterTopology topology = OperationRules.of(operation.getSpec()).afterAdvance(state.topology(), operation, advance);
    Operation.Builder changed = operation.toBuilder()
        .setStep(advance.getToStep())
        .setStatus(ends ? advance.getStatus() : OperationStatus.OPERATION_RUNNING)
        .setDetail(advance.getDetail())
        .setUpdatedAtMs(advance.getAtMs())
        .setBytesDone(advance.getBytesDone())
        .setBytesTotal(advance.getBytesTotal());
    if (moves) {
      changed.addHistory(StepRecord.newBuilder().setStep(advance.getFromStep()).setAtMs(advance.getAtMs())
          .setDetail(advance.getDetail()));
    }
    if (ends) {
      changed.setFinishedAtMs(advance.getAtMs());
    }
    if (advance.hasPlan() && operation.getSpec().hasRebalance()) {
      changed.setSpec(operation.getSpec().toBuilder().setRebalance(advance.getPlan()));
    }
    if (advance.getMergeSourceIndex() != 0 && operation.getSpec().hasMergeShards()) {
      changed.setSpec(operation.getSpec().toBuilder().setMergeShards(operation.getSpec().getMergeShards().toBuilder()
          .setSourceIndex(advance.getMergeSourceIndex())));
    }
    MetaState next = state.withTopology(topology).withOperation(changed.build());
    String description = "operation " + operation.getId() + ": " + (ends ? advance.getStatus().name()
        : advance.getToStep()) + (advance.getDetail().isEmpty() ? "" : " (" + advance.getDetail() + ")")
        + (topology.epoch() != state.epoch() ? ", epoch " + topology.epoch() : "");
    return new Applied(next, new MetaOutcome(true, description, !moves));
  }
}
