package io.slotraft.tests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node JVM, started the way a user starts it ({@code java -jar node/target/slotraft-node.jar
 * --name ... --members ... --data-dir ...}), with its output in {@code node.log} in its directory.
 * It listens and advertises on its own {@link #host()} (127.0.0.1 unless the cluster gives each node
 * a loopback address of its own). A {@link #joining} node is not in --members: every start gives it
 * its host and ports as flags, as {@code deploy/local-cluster.sh add-node} does, and it asks meta to
 * make it a member.
 */
public final class NodeProcess {
  private final String name;
  private final String host;
  private final int respPort;
  private final int grpcPort;
  private final int raftPort;
  private final int httpPort;
  private final Path dataDir;
  private final boolean joins;
  private Process process;
  /** A cgroup's {@code cgroup.procs} the JVM joins before it runs any code, or null. */
  private Path cgroupProcs;

  NodeProcess(String name, String host, int basePort, Path dataDir) {
    this(name, host, basePort, dataDir, false);
  }

  /** A node that is not in --members: it joins the running cluster. */
  static NodeProcess joining(String name, String host, int basePort, Path dataDir) {
    return new NodeProcess(name, host, basePort, dataDir, true);
  }

  private NodeProcess(String name, String host, int basePort, Path dataDir, boolean joins) {
    this.name = name;
    this.host = host;
    this.respPort = basePort;
    this.grpcPort = basePort + 1;
    this.raftPort = basePort + 2;
    this.httpPort = basePort + 3;
    this.dataDir = dataDir;
    this.joins = joins;
  }

  public String name() {
    return name;
  }

  /** The address every port of this node listens on, and the one it advertises to peers and clients. */
  public String host() {
    return host;
  }

  public int respPort() {
    return respPort;
  }

  public int grpcPort() {
    return grpcPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public int raftPort() {
    return raftPort;
  }

  /**
   * Every later start of this node runs its JVM inside the cgroup whose {@code cgroup.procs} file
   * this is, so that packet filter rules can tell this node's connections from every other's (on
   * loopback they all leave from 127.0.0.1, whatever address the peer listens on).
   */
  public void joinCgroupOnStart(Path cgroupProcsFile) {
    this.cgroupProcs = cgroupProcsFile;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Whether this node joins the cluster rather than being one of its --members. */
  boolean joins() {
    return joins;
  }

  /** {@code name@host:resp:grpc:raft:http}, this node's entry in --members. */
  String memberEntry() {
    return name + "@" + host + ":" + respPort + ":" + grpcPort + ":" + raftPort + ":" + httpPort;
  }

  void start(String members, List<String> extraFlags) throws IOException {
    Files.createDirectories(dataDir);
    // The launch scripts' JVM settings (deploy/jvm.options), so that tests run nodes as users do.
    List<String> command = new ArrayList<>(List.of(javaBinary(), "@" + Repo.root().resolve("deploy/jvm.options"),
        "-Xms1g", "-Xmx1g", "-Dlogging.path=" + dataDir.resolve("logs"),
        "-jar", Repo.nodeJar().toString(),
        "--name", name, "--members", members, "--data-dir", dataDir.toString()));
    if (joins) {
      // --members does not say where this node listens, so it must be told.
      command.addAll(List.of("--host", host, "--resp-port", Integer.toString(respPort),
          "--grpc-port", Integer.toString(grpcPort), "--raft-port", Integer.toString(raftPort),
          "--http-port", Integer.toString(httpPort)));
    }
    command.addAll(extraFlags);
    if (cgroupProcs != null) {
      // The shell moves itself into the cgroup and then becomes the JVM (exec keeps the pid), so no
      // socket of the node is ever opened outside it.
      List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
          cgroupProcs.toString()));
      wrapped.addAll(command);
      command = wrapped;
    }
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile()))
        .start();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
  public void kill() throws InterruptedException {
    if (isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM and wait: the graceful stop an operator does. */
  public void stop() throws InterruptedException {
    if (isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Sends a POSIX signal by name, e.g. STOP or CONT, to pause and resume the node. */
  public void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start().waitFor();
  }

  public String log() throws IOException {
    Path log = dataDir.resolve("node.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
