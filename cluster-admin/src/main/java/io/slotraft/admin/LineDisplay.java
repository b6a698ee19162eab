package io.slotraft.admin;

import io.slotraft.proto.v1.Operation;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress for a log or a pipe: one line whenever an operation changes step or status, or its
 * bytes pass another tenth of the total; not one per poll.
 */
final class LineDisplay extends PerOperationDisplay {
  private final PrintWriter out;
  private final Map<Long, String> shown = new HashMap<>();

  LineDisplay(PrintWriter out) {
    this.out = out;
  }

  @Override
  void draw(List<Operation> operations, MetaView view) {
    for (Operation op : operations) {
      String key = op.getStep() + "|" + OperationText.status(op) + "|"
          + Units.percent(op.getBytesDone(), op.getBytesTotal()) / 10;
      if (!key.equals(shown.put(op.getId(), key))) {
        out.println(OperationText.line(op, view));
      }
    }
    out.flush();
  }
}
