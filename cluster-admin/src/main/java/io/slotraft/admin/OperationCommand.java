package io.slotraft.admin;

import io.slotraft.proto.v1.OperationSpec;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A subcommand that starts one operation on meta and follows it (move-replica, drain, split, merge): the
 * options they share and the one way they do it.
 */
abstract class OperationCommand extends Subcommand {
  @Mixin
  private WaitOption wait;

  @Option(names = "--json",
      description = "Print the operation (and the moves it started) as JSON when following ends, no progress.")
  private boolean json;

  /** Reads meta, makes the operation from what it shows, starts it and follows it; the exit code. */
  protected Integer startAndFollow(Function<MetaView, OperationSpec> operation) throws InterruptedException {
    try (MetaClient meta = connect()) {
      MetaView view = new MetaView(meta.state());
      return new OperationRun(context(), meta, out(), err(), json)
          .startAndFollow(operation.apply(view), view, wait.seconds, OperationRun::keepsRunning);
    }
  }
}
