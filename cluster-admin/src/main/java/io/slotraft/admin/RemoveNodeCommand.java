package io.slotraft.admin;

import io.slotraft.proto.v1.NodeAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slotraft-admin remove-node NODE --yes}: takes a member out of the cluster. Meta refuses
 * while the node holds anything (a replica, a learner, a meta vote, a running operation) and says
 * what; {@code drain} empties it first.
 */
@Command(name = "remove-node", mixinStandardHelpOptions = true,
    description = "Remove NODE (name or id), which must hold nothing (drain it first), from the cluster's members.")
final class RemoveNodeCommand implements Callable<Integer> {
  @Mixin
  private NodeMixin node;

  @Parameters(index = "0", paramLabel = "NODE", description = "The node to remove (name or id).")
  private String removed;

  @Option(names = "--yes", description = "Confirm: the node stops being a member.")
  private boolean yes;

  @Option(names = "--json", description = "Print meta's answer as JSON.")
  private boolean json;

  @ParentCommand
  private AdminMain admin;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    if (!yes) {
      throw new ParameterException(spec.commandLine(), "remove-node " + removed + " would take it out of the "
          + "cluster's members for good (meta refuses while it holds a replica or a meta vote: drain it first); "
          + "add --yes to remove it");
    }
    try (MetaClient meta = admin.context().connect(node.address)) {
      NodeAddress target = new MetaView(meta.state()).node(removed);
      MetaChange.proposeAndReport(meta, MetaCommands.removeNode(target.getNodeId()),
          "meta refused to remove " + target.getName(), spec.commandLine().getOut(), json,
          reply -> target.getName() + " (" + target.getNodeId() + ") is no longer a member (epoch " + reply.getEpoch()
              + "); its process can be stopped");
      return 0;
    }
  }
}
