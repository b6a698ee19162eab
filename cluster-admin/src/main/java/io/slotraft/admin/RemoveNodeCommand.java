package io.slotraft.admin;

import io.slotraft.proto.v1.NodeAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin remove-node NODE --yes}: takes a member out of the cluster. Meta refuses
 * while the node holds anything (a replica, a learner, a meta vote, a running operation) and says
 * what; {@code drain} empties it first.
 */
@Command(name = "remove-node", mixinStandardHelpOptions = true,
    description = "Remove NODE (name or id), which must hold nothing (drain it first), from the cluster's members.")
final class RemoveNodeCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "NODE", description = "The node to remove (name or id).")
  private String removed;

  @Option(names = "--yes", description = "Confirm: the node stops being a member.")
  private boolean yes;

  @Option(names = "--json", description = "Print meta's answer as JSON.")
  private boolean json;

  @Override
  public Integer call() {
    if (!yes) {
      throw usageError("remove-node " + removed + " would take it out of the cluster's members for good (meta "
          + "refuses while it holds a replica or a meta vote: drain it first); add --yes to remove it");
    }
    try (MetaClient meta = connect()) {
      NodeAddress target = new MetaView(meta.state()).node(removed);
      MetaChange.proposeAndReport(meta, MetaCommands.removeNode(target.getNodeId()),
          "meta refused to remove " + target.getName(), out(), json,
          reply -> target.getName() + " (" + target.getNodeId() + ") is no longer a member (epoch " + reply.getEpoch()
              + "); its process can be stopped");
      return 0;
    }
  }
}
