package io.slotraft.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slotraft-admin status}: prints meta's topology, where each shard's leader is, and each node's report. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the cluster as meta records it: epoch, nodes, shards, preferred and reported leaders.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  private NodeMixin node;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    try (MetaClient meta = new MetaClient(node.address)) {
      spec.commandLine().getOut().print(StatusText.render(meta.state(), System.currentTimeMillis()));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
