package io.slotraft.admin;

import com.google.gson.JsonObject;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * What move-replica, drain and rebalance share: propose the operation's start, then follow it until
 * it ends and turn the end into an exit code: 0 succeeded; 1 (an {@link AdminException}) refused,
 * failed, cancelled, or still running when the wait ran out; {@link #STOPPED_WATCHING} after Ctrl-C.
 * With {@code --json} the document is {@code {"operation": ..., "children": [...]}} however following
 * ended, but for Ctrl-C; a refused start prints none.
 */
final class OperationRun {
  /** The shell's code for a command stopped by Ctrl-C; a real Ctrl-C halts the JVM before this is returned. */
  static final int STOPPED_WATCHING = 130;

  private final AdminContext context;
  private final MetaClient meta;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;

  OperationRun(AdminContext context, MetaClient meta, PrintWriter out, PrintWriter err, boolean json) {
    this.context = context;
    this.meta = meta;
    this.out = out;
    this.err = err;
    this.json = json;
  }

  /**
   * Starts the operation {@code spec} describes and follows it for up to {@code waitSecs}: all that
   * move-replica, drain and rebalance do once they have built the spec.
   *
   * @param onCtrlC what Ctrl-C does besides stopping the watch, for the id meta gave the operation;
   *     it runs on the signal's thread and prints to the writer it is given
   */
  int startAndFollow(OperationSpec spec, MetaView view, int waitSecs, LongFunction<Consumer<PrintWriter>> onCtrlC)
      throws InterruptedException {
    long id = start(spec, view);
    return follow(id, waitSecs, onCtrlC.apply(id));
  }

  /** Proposes the start and returns the operation's id; meta's refusal is an {@link AdminException}. */
  private long start(OperationSpec spec, MetaView view) {
    String description = OperationText.describe(spec, view);
    ProposeReply reply = MetaChange.propose(meta, MetaCommands.start(spec, context.ticker().wallMs()),
        "meta refused to start " + description);
    if (reply.getOperationId() == 0) {
      throw new AdminException("meta says it started " + description + " but names no operation id (" + reply
          .getDescription() + "); is the node older than this slotraft-admin? `slotraft-admin operations` lists it");
    }
    if (!json) {
      out.println("operation " + reply.getOperationId() + " started: " + description + " (epoch " + reply.getEpoch()
          + ")");
      out.flush();
    }
    return reply.getOperationId();
  }

  /** Follows operation {@code id} for up to {@code waitSecs} (0: returns at once). */
  private int follow(long id, int waitSecs, Consumer<PrintWriter> onCtrlC) throws InterruptedException {
    if (waitSecs == 0) {
      if (json) {
        MetaView view = new MetaView(meta.state());
        Json.print(out, document(view.operation(id).orElse(null), view.children(id), view));
      } else {
        out.println("not waiting: `slotraft-admin operations --watch` follows it, `slotraft-admin cancel " + id
            + "` stops it");
        out.flush();
      }
      return 0;
    }
    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch ctrlCDone = new CountDownLatch(1);
    ProgressDisplay display = display();
    CtrlC.Registration ctrlC = context.ctrlC().onCtrlC(() -> {
      stopped.set(true);
      display.end();
      try {
        onCtrlC.accept(err);
      } finally {
        err.flush();
        ctrlCDone.countDown();
      }
    });
    OperationFollower.Outcome outcome;
    try {
      outcome = new OperationFollower(meta, context.ticker(), context.pollMs())
          .follow(id, waitSecs * 1000L, display, stopped::get);
    } finally {
      ctrlC.remove();
      display.end();
    }
    if (outcome.end() == OperationFollower.End.STOPPED) {
      ctrlCDone.await();
      return STOPPED_WATCHING;
    }
    return report(outcome, waitSecs);
  }

  /** Ctrl-C for an operation that goes on without the CLI (a move, a drain). */
  static Consumer<PrintWriter> keepsRunning(long id) {
    return err -> err.println("operation " + id + " keeps running; `slotraft-admin cancel " + id + "` stops it");
  }

  private ProgressDisplay display() {
    if (json) {
      return ProgressDisplay.NONE;
    }
    return context.terminal() ? new BarDisplay(context.ticker()::wallMs) : new LineDisplay(out);
  }

  private int report(OperationFollower.Outcome outcome, int waitSecs) {
    Operation op = outcome.operation();
    String what = "operation " + op.getId() + " (" + OperationText.describe(op.getSpec(), outcome.view()) + ")";
    if (json) {
      Json.print(out, document(op, outcome.children(), outcome.view()));
    }
    if (outcome.end() == OperationFollower.End.TIMED_OUT) {
      throw new AdminException(what + " is still running after " + waitSecs + " s, at step " + op.getStep()
          + "; it goes on: `slotraft-admin operations --watch` follows it, `slotraft-admin cancel " + op.getId()
          + "` stops it");
    }
    String children = outcome.children().isEmpty() ? "" : "; " + childCounts(outcome.children());
    if (op.getStatus() == OperationStatus.OPERATION_SUCCEEDED) {
      if (!json) {
        out.println(what + " succeeded in " + Units.duration(op.getFinishedAtMs() - op.getStartedAtMs()) + children);
        out.flush();
      }
      return 0;
    }
    throw new AdminException(what + " " + (op.getStatus() == OperationStatus.OPERATION_CANCELLED ? "was cancelled"
        : OperationText.statusWord(op.getStatus())) + " at step " + op.getStep() + ": " + op.getDetail() + children);
  }

  /** "3 moves: 2 succeeded, 1 failed". */
  private static String childCounts(List<Operation> children) {
    Map<String, Long> counts = children.stream()
        .collect(Collectors.groupingBy(OperationText::status, TreeMap::new, Collectors.counting()));
    return children.size() + (children.size() == 1 ? " move: " : " moves: ") + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  static JsonObject document(Operation op, List<Operation> children, MetaView view) {
    JsonObject json = new JsonObject();
    json.add("operation", op == null ? null : OperationJson.of(op, view));
    json.add("children", OperationJson.of(children, view));
    return json;
  }
}
