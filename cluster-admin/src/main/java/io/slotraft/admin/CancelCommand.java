package io.slotraft.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin cancel ID}: asks a running operation to stop. A move not yet promoted rolls
 * back, a later one finishes; a drain or rebalance starts no new move and ends when its running
 * ones have. Returns once meta records the request, not when the operation ends.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Ask running operation ID (as `operations` lists it) to stop; `operations --watch` follows it.")
final class CancelCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The operation's id.")
  private long id;

  @Option(names = "--json", description = "Print meta's answer as JSON.")
  private boolean json;

  @Override
  public Integer call() {
    try (MetaClient meta = connect()) {
      MetaChange.proposeAndReport(meta, MetaCommands.cancel(id), "meta did not cancel operation " + id, out(), json,
          reply -> "operation " + id + ": cancel requested (" + reply.getDescription() + "); `slotraft-admin "
              + "operations --watch` follows it");
      return 0;
    }
  }
}
