package io.slotraft.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The admin command line: reads and changes meta through any node's gRPC port. Exit codes: 0 done,
 * 1 the cluster refused or could not be reached (one line on stderr says why), 2 bad usage.
 */
@Command(name = "slotraft-admin", mixinStandardHelpOptions = true, versionProvider = AdminMain.Version.class,
    description = "Inspect and reshape a Slotraft cluster.",
    subcommands = {StatusCommand.class, SetPreferredLeaderCommand.class})
public final class AdminMain implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 failed, 2 usage error). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new AdminMain()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof AdminException) {
        commandLine.getErr().println("slotraft-admin: " + e.getMessage());
        commandLine.getErr().flush();
        return 1;
      }
      throw e;
    });
  }

  @Override
  public void run() {
    // No subcommand: a usage error, with the list of subcommands.
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: status or set-preferred-leader");
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
