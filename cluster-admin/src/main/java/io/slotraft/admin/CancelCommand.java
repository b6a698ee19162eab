package io.slotraft.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slotraft-admin cancel ID}: asks a running operation to stop. A move not yet promoted rolls
 * back, a later one finishes; a drain or rebalance starts no new move and ends when its running
 * ones have. Returns once meta records the request, not when the operation ends.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Ask running operation ID (as `operations` lists it) to stop; `operations --watch` follows it.")
final class CancelCommand implements Callable<Integer> {
  @Mixin
  private NodeMixin node;

  @Parameters(index = "0", paramLabel = "ID", description = "The operation's id.")
  private long id;

  @Option(names = "--json", description = "Print meta's answer as JSON.")
  private boolean json;

  @ParentCommand
  private AdminMain admin;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    try (MetaClient meta = admin.context().connect(node.address)) {
      MetaChange.proposeAndReport(meta, MetaCommands.cancel(id), "meta did not cancel operation " + id,
          spec.commandLine().getOut(), json, reply -> "operation " + id + ": cancel requested ("
              + reply.getDescription() + "); `slotraft-admin operations --watch` follows it");
      return 0;
    }
  }
}
