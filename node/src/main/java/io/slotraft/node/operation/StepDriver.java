package io.slotraft.node.operation;

import io.slotraft.node.meta.MetaState;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import java.util.List;

/**
 * Runs one kind of operation on the meta leader: given meta's state and one running operation of
 * its kind, does what the operation's current step needs (idempotently: it checks the cluster before
 * it acts, since an earlier driver may have acted and crashed before recording it) and answers the
 * meta commands that record the result. An empty answer means "not yet": the runner asks again on
 * its next pass.
 */
public interface StepDriver {

  List<MetaCommand> step(MetaState state, Operation operation, DriverContext context) throws InterruptedException;
}
