package io.slotraft.admin;

import com.google.gson.JsonObject;
import io.slotraft.proto.v1.Operation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slotraft-admin operations}: the operations meta keeps (moves, drains, rebalances), each
 * with its step, progress and step history; {@code --watch} redraws every second until Ctrl-C.
 */
@Command(name = "operations", mixinStandardHelpOptions = true,
    description = "List running operations (with --all also the finished ones meta keeps): step, status, "
        + "bytes copied, age, and the steps each has finished.")
final class OperationsCommand extends Subcommand {
  private static final long REDRAW_MS = 1000;
  /** Home the cursor and clear the screen: a terminal redraws in place instead of scrolling. */
  private static final String CLEAR_SCREEN = "\033[H\033[2J";

  @Option(names = "--watch", description = "Redraw every second until Ctrl-C.")
  private boolean watch;

  @Option(names = "--all", description = "Also the finished operations meta keeps.")
  private boolean all;

  @Option(names = "--json", description = "JSON instead of a table; with --watch one document per line.")
  private boolean json;

  @Override
  public Integer call() throws InterruptedException {
    AdminContext context = context();
    AtomicBoolean stopped = new AtomicBoolean();
    CtrlC.Registration ctrlC = watch ? context.ctrlC().onCtrlC(() -> stopped.set(true)) : () -> { };
    try (MetaClient meta = connect()) {
      while (true) {
        MetaView view = new MetaView(meta.state());
        draw(view, context.ticker().wallMs());
        if (!watch) {
          return 0;
        }
        context.ticker().sleep(REDRAW_MS);
        if (stopped.get()) {
          return OperationRun.STOPPED_WATCHING;
        }
      }
    } finally {
      ctrlC.remove();
    }
  }

  private void draw(MetaView view, long nowMs) {
    PrintWriter out = out();
    List<Operation> operations = all ? view.state().getOperationsList() : view.running();
    if (json) {
      JsonObject document = new JsonObject();
      document.add("operations", OperationJson.of(operations, view));
      if (watch) {
        Json.printLine(out, document);
      } else {
        Json.print(out, document);
      }
      return;
    }
    if (watch) {
      out.print(context().terminal() ? CLEAR_SCREEN : "\n");
      out.println("epoch " + view.state().getEpoch() + ", every " + REDRAW_MS / 1000 + " s; Ctrl-C stops watching");
    }
    if (operations.isEmpty()) {
      out.println(all ? "meta keeps no operations" : "no operations running");
    } else {
      out.print(OperationText.table(operations, view, nowMs, true).render());
    }
    out.flush();
  }
}
