package io.slotraft.node.meta;

import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.StartOperation;
import java.util.Optional;

/**
 * Starts an operation whose kind allows it in the state it meets; its id is the log index of this
 * entry. Refused (a no-op) when its parent is not running, or its kind's rules say no.
 */
final class StartOperationRule implements MetaCommandRule<StartOperation> {
  @Override
  public Applied apply(MetaState state, long index, StartOperation start) {
    OperationKind kind = OperationRules.of(start.getSpec());
    String what = kind.describe(start.getSpec(), state.topology());
    if (!state.bootstrapped()) {
      return Applied.noOp(state, what + " refused: meta is not bootstrapped");
    }
    if (start.getParentId() != 0) {
      Operation parent = state.operations().get(start.getParentId());
      if (parent == null || !MetaState.running(parent) || parent.getCancelRequested()) {
        return Applied.noOp(state, what + " refused: its parent operation " + start.getParentId()
            + " is not running");
      }
    }
    Optional<String> refusal = kind.refusal(state, start.getSpec());
    if (refusal.isPresent()) {
      return Applied.noOp(state, what + " refused: " + refusal.get());
    }
    OperationKind.Started started = kind.start(state.topology(), start.getSpec());
    Operation operation = Operation.newBuilder()
        .setId(index)
        .setParentId(start.getParentId())
        .setSpec(started.recorded())
        .setStep(kind.firstStep(started.recorded()))
        .setStatus(OperationStatus.OPERATION_RUNNING)
        .setDetail("started")
        .setStartedAtMs(start.getAtMs())
        .setUpdatedAtMs(start.getAtMs())
        .build();
    MetaState next = state.withTopology(started.topology()).withOperation(operation);
    return new Applied(next, new MetaOutcome(true, "operation " + index + " started: " + what + " (epoch "
        + next.epoch() + ")", false, index));
  }
}
