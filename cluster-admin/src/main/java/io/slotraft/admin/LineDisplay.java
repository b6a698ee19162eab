package io.slotraft.admin;

import io.slotraft.proto.v1.Operation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress for a log or a pipe: one line whenever an operation changes step or status, or its
 * bytes pass another tenth of the total; not one per poll.
 */
final class LineDisplay implements ProgressDisplay {
  private final PrintWriter out;
  private final Map<Long, String> shown = new HashMap<>();
  private boolean closed;

  LineDisplay(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void show(Operation followed, List<Operation> children, MetaView view) {
    if (closed) {
      return;
    }
    List<Operation> operations = new ArrayList<>(children);
    operations.add(0, followed);
    for (Operation op : operations) {
      String key = op.getStep() + "|" + OperationText.status(op) + "|"
          + Units.percent(op.getBytesDone(), op.getBytesTotal()) / 10;
      if (!key.equals(shown.put(op.getId(), key))) {
        out.println(OperationText.line(op, view));
      }
    }
    out.flush();
  }

  @Override
  public synchronized void end() {
    closed = true;
  }
}
