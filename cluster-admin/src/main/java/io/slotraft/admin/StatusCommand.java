package io.slotraft.admin;

import io.slotraft.proto.v1.MetaState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slotraft-admin status}: meta's members, shards and running operations, and each node's report. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the cluster as meta records it: epoch, members, shards with their voters, learners and "
        + "leaders, and running operations.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  private NodeMixin node;

  @Option(names = "--json", description = "One JSON document instead of tables.")
  private boolean json;

  @ParentCommand
  private AdminMain admin;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (MetaClient meta = admin.context().connect(node.address)) {
      MetaState state = meta.state();
      if (json) {
        Json.print(out, StatusJson.of(state));
      } else {
        out.print(StatusText.render(state, admin.context().ticker().wallMs()));
        out.flush();
      }
      return 0;
    }
  }
}
