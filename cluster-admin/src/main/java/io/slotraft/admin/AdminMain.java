package io.slotraft.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The admin command line. Its subcommands (status, move, split, drain, rebalance) arrive with the
 * topology issues; for now it answers {@code --help} and {@code --version} and rejects anything else
 * with a usage message.
 */
@Command(name = "slotraft-admin", mixinStandardHelpOptions = true, versionProvider = AdminMain.Version.class,
    description = "Inspect and reshape a Slotraft cluster.")
public final class AdminMain implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 2 usage error). */
  public static int run(String... args) {
    return new CommandLine(new AdminMain()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
