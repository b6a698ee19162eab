package io.slotraft.tests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code slotraft-admin} as an operator runs it: a JVM of its own ({@code java -jar
 * cluster-admin/target/slotraft-admin.jar COMMAND --node HOST:GRPC ...}) against one node's gRPC
 * port. Each run's stdout and stderr go to files of their own, not pipes: a command that follows
 * an operation for minutes never stalls on a full pipe nobody reads yet, and {@code --json}'s
 * document on stdout stays apart from anything on stderr.
 */
public final class AdminCli {
  /** The exit code {@link Running#endWithin} gives a run it had to kill (the CLI's own are 0, 1 and 2). */
  public static final int KILLED = -1;

  private final Path outputDir;
  private final String node;
  private int runs;

  /** Runs against {@code via}'s gRPC port, keeping each run's output in {@code outputDir}. */
  public AdminCli(Path outputDir, NodeProcess via) {
    this.outputDir = outputDir;
    this.node = via.host() + ":" + via.grpcPort();
  }

  /** One finished run: its exit code and what it printed on stdout and on stderr. */
  public record Run(int code, String out, String err) {
    /** Both, for assertion messages. */
    @Override
    public String toString() {
      return "exit " + code + "\n" + out + (err.isEmpty() ? "" : "stderr:\n" + err);
    }
  }

  /** A run still going: {@code rebalance --yes} follows its operation until it ends. */
  public static final class Running {
    private final String command;
    private final Process process;
    private final Path out;
    private final Path err;

    private Running(String command, Process process, Path out, Path err) {
      this.command = command;
      this.process = process;
      this.out = out;
      this.err = err;
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Waits up to {@code timeout} for the run to end; true when it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits up to {@code timeout} for the run to end and returns it; one that has not ended by then is
     * killed and returned with exit code {@link #KILLED} and what it printed so far.
     */
    public Run endWithin(Duration timeout) throws IOException, InterruptedException {
      if (!awaitEnd(timeout)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return new Run(KILLED, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
            StandardCharsets.UTF_8));
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Waits for the run to end; one that has not within {@code timeout} is killed and fails the test. */
    public Run finish(Duration timeout) throws IOException, InterruptedException {
      if (!awaitEnd(timeout)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("slotraft-admin " + command + " did not finish within " + timeout + "; it printed:\n"
            + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  /** Starts {@code slotraft-admin COMMAND --node ... ARGS...} and returns at once. */
  public Running start(String command, String... args) throws IOException {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Repo.adminJar().toString(), command, "--node", node));
    line.addAll(Arrays.asList(args));
    Files.createDirectories(outputDir);
    String name = String.format("%02d-%s", ++runs, command);
    Path out = outputDir.resolve(name + ".out");
    Path err = outputDir.resolve(name + ".err");
    Process process = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new Running(command + " " + String.join(" ", args), process, out, err);
  }

  /** Runs {@code slotraft-admin COMMAND --node ... ARGS...} to its end (at most {@code timeout}). */
  public Run run(Duration timeout, String command, String... args) throws IOException, InterruptedException {
    return start(command, args).finish(timeout);
  }
}
