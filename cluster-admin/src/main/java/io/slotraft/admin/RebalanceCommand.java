package io.slotraft.admin;

import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.RebalanceSpec;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slotraft-admin rebalance --dry-run | --yes}: shows the plan a node computes for evening out
 * replicas, leaders and bytes, or starts a rebalance on meta and follows its moves. Ctrl-C while
 * following cancels the rebalance: no new move starts, running ones finish or roll back.
 */
@Command(name = "rebalance", mixinStandardHelpOptions = true,
    description = "Even out replicas, leaders and bytes across the nodes: --dry-run prints the plan, --yes runs it.")
final class RebalanceCommand extends Subcommand {
  /** Ctrl-C's cancel has to be quick: the operator is waiting for the prompt. */
  private static final long CANCEL_DEADLINE_SECONDS = 5;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Mode mode;

  /** Exactly one of the two; picocli makes neither or both a usage error. */
  static final class Mode {
    @Option(names = "--dry-run", required = true, description = "Print the moves a rebalance would make now.")
    boolean dryRun;

    @Option(names = "--yes", required = true, description = "Start the rebalance and follow it.")
    boolean yes;
  }

  @Mixin
  private MaxConcurrentMovesOption maxConcurrentMoves;

  @Mixin
  private WaitOption wait;

  @Option(names = "--json", description = "The plan, or the rebalance and its moves when following ends, as JSON.")
  private boolean json;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = out();
    try (MetaClient meta = connect()) {
      MetaView view = new MetaView(meta.state());
      if (mode.dryRun) {
        RebalanceSpec plan = meta.planRebalance(maxConcurrentMoves.count);
        if (json) {
          Json.print(out, PlanText.json(plan, view));
        } else {
          out.print(PlanText.render(plan, view));
          out.flush();
        }
        return 0;
      }
      OperationSpec rebalance = OperationSpec.newBuilder().setRebalance(RebalanceSpec.newBuilder()
          .setMaxConcurrentMoves(maxConcurrentMoves.count)).build();
      return new OperationRun(context(), meta, out, err(), json)
          .startAndFollow(rebalance, view, wait.seconds, id -> cancelOnCtrlC(meta, id));
    }
  }

  private static Consumer<PrintWriter> cancelOnCtrlC(MetaClient meta, long id) {
    return err -> {
      try {
        ProposeReply reply = meta.propose(MetaCommands.cancel(id), CANCEL_DEADLINE_SECONDS);
        err.println(reply.getChanged()
            ? "cancelling rebalance " + id + ": it starts no new move; running moves finish or roll back "
                + "(`slotraft-admin operations --watch` follows them)"
            : "rebalance " + id + " not cancelled: " + reply.getDescription());
      } catch (AdminException e) {
        err.println("rebalance " + id + " keeps running, cancelling it failed: " + e.getMessage()
            + "; `slotraft-admin cancel " + id + "` stops it");
      }
    };
  }
}
