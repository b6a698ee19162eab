package io.slotraft.admin;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The admin command line: reads and changes meta through any node's gRPC port. Exit codes: 0 done,
 * 1 the cluster refused, an operation failed, or the cluster could not be reached (one line on
 * stderr says why), 2 bad usage.
 */
@Command(name = "slotraft-admin", mixinStandardHelpOptions = true, versionProvider = AdminMain.Version.class,
    description = "Inspect and reshape a Slotraft cluster.",
    subcommands = {StatusCommand.class, OperationsCommand.class, SetPreferredLeaderCommand.class,
        MoveReplicaCommand.class, DrainCommand.class, RemoveNodeCommand.class, RebalanceCommand.class,
        SplitCommand.class, MergeCommand.class, CancelCommand.class})
public final class AdminMain implements Runnable {
  private final AdminContext context;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  private AdminMain(AdminContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 failed, 2 usage error). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return commandLine(AdminContext.standard());
  }

  /** The CLI reaching the world through {@code context}: tests give it an in-process node and a fake clock. */
  static CommandLine commandLine(AdminContext context) {
    return new CommandLine(new AdminMain(context)).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof AdminException) {
        commandLine.getErr().println("slotraft-admin: " + e.getMessage());
        commandLine.getErr().flush();
        return 1;
      }
      throw e;
    });
  }

  /** For subcommands, through {@code @ParentCommand}. */
  AdminContext context() {
    return context;
  }

  @Override
  public void run() {
    // No subcommand: a usage error, with the list of subcommands (read from the annotation above).
    List<String> names = List.copyOf(spec.subcommands().keySet());
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: "
        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
  }

  /** Reads the version Maven wrote into the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AdminMain.class.getPackage().getImplementationVersion();
      return new String[] {"slotraft-admin " + (version == null ? "development build" : version)};
    }
  }
}
