package io.slotraft.admin;

import io.slotraft.proto.v1.MetaState;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slotraft-admin status}: meta's members, shards and running operations, and each node's report. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the cluster as meta records it: epoch, members, shards with their voters, learners and "
        + "leaders, and running operations.")
final class StatusCommand extends Subcommand {
  @Option(names = "--json", description = "One JSON document instead of tables.")
  private boolean json;

  @Override
  public Integer call() {
    PrintWriter out = out();
    try (MetaClient meta = connect()) {
      MetaState state = meta.state();
      if (json) {
        Json.print(out, StatusJson.of(state));
      } else {
        out.print(StatusText.render(state, context().ticker().wallMs()));
        out.flush();
      }
      return 0;
    }
  }
}
