package io.slotraft.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand has: the {@code --node} option, the {@link AdminContext} of the CLI it runs
 * in, and its own writers. Picocli fills these fields in a superclass as in the subcommand itself.
 */
abstract class Subcommand implements Callable<Integer> {
  @Mixin
  private NodeMixin node;

  @ParentCommand
  private AdminMain admin;

  @Spec
  private CommandSpec spec;

  final AdminContext context() {
    return admin.context();
  }

  /** Meta through the node {@code --node} names; the caller closes it. */
  final MetaClient connect() {
    return context().connect(node.address);
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** A usage error (exit 2) of this subcommand, printed with its usage help. */
  final ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
