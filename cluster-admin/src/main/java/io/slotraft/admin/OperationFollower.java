package io.slotraft.admin;

import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads meta until an operation ends, the wait runs out, or the operator stops watching; each read
 * goes to a {@link ProgressDisplay}. It only watches: the operation runs on meta's leader whatever
 * happens here.
 */
final class OperationFollower {
  enum End { FINISHED, TIMED_OUT, STOPPED }

  /** How following ended, with the operation and its moves as last read (null when stopped first). */
  record Outcome(End end, Operation operation, List<Operation> children, MetaView view) {}

  private final MetaClient meta;
  private final Ticker ticker;
  private final long pollMs;

  OperationFollower(MetaClient meta, Ticker ticker, long pollMs) {
    this.meta = meta;
    this.ticker = ticker;
    this.pollMs = pollMs;
  }

  Outcome follow(long id, long waitMs, ProgressDisplay display, BooleanSupplier stopped) throws InterruptedException {
    long deadline = ticker.monotonicMs() + waitMs;
    Outcome last = new Outcome(End.STOPPED, null, List.of(), null);
    while (!stopped.getAsBoolean()) {
      MetaState state = read(id, deadline);
      if (state == null) {
        ticker.sleep(pollMs);
        continue;
      }
      MetaView view = new MetaView(state);
      // Meta applied the start before answering it, and reads are linearizable: the operation is
      // there until meta drops it as an old finished one, which takes far longer than one poll.
      Operation op = view.operation(id).orElseThrow(() -> new AdminException("operation " + id
          + " is not among meta's operations: it ended and meta no longer keeps it"));
      List<Operation> children = view.children(id);
      display.show(op, children, view);
      if (op.getStatus() != OperationStatus.OPERATION_RUNNING) {
        return new Outcome(End.FINISHED, op, children, view);
      }
      if (ticker.monotonicMs() >= deadline) {
        return new Outcome(End.TIMED_OUT, op, children, view);
      }
      last = new Outcome(End.STOPPED, op, children, view);
      ticker.sleep(pollMs);
    }
    return last;
  }

  /**
   * Meta's state, or null when this read failed but the wait has time left: meta elects a new leader
   * now and then (a vote moving, a loaded machine), and one failed read must not end the watch.
   */
  private MetaState read(long id, long deadline) {
    try {
      return meta.state();
    } catch (AdminException lostSight) {
      if (ticker.monotonicMs() < deadline) {
        return null;
      }
      throw new AdminException(lostSight.getMessage() + "; operation " + id + " goes on without this command");
    }
  }
}
