package io.slotraft.node.meta;

import io.slotraft.proto.v1.CancelOperation;
import io.slotraft.proto.v1.Operation;

/**
 * Asks a running operation to stop; its driver decides how (roll back, or finish what cannot be
 * undone) and ends it. A drain's or rebalance's moves are asked to stop by its driver.
 */
final class CancelOperationRule implements MetaCommandRule<CancelOperation> {
  @Override
  public Applied apply(MetaState state, long index, CancelOperation cancel) {
    Operation operation = state.operations().get(cancel.getId());
    String what = "CancelOperation(" + cancel.getId() + ")";
    if (operation == null) {
      return Applied.noOp(state, what + " refused: there is no operation " + cancel.getId());
    }
    if (!MetaState.running(operation)) {
      return Applied.noOp(state, what + ": the operation already ended " + operation.getStatus().name());
    }
    if (operation.getCancelRequested()) {
      return Applied.noOp(state, what + ": already asked to stop");
    }
    return new Applied(state.withOperation(operation.toBuilder().setCancelRequested(true).build()),
        MetaOutcome.change(what + ": asked to stop at step " + operation.getStep()));
  }
}
