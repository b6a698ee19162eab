package io.slotraft.tests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cluster of real node processes on loopback for one test class. Each test class gets its own
 * base port so that classes never collide with each other or with a running local cluster. By
 * default every node listens on 127.0.0.1; {@link #onOwnAddresses} gives node i the address
 * 127.0.0.(i+1) instead (all of 127/8 is local on Linux), so that a fault can cut the link between
 * two nodes without touching the others. The nodes it starts with are the cluster's --members; {@link
 * #join} adds more, as nodes that join it.
 */
public final class ProcessCluster implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final List<String> extraFlags;
  private final String members;
  private final Path root;
  private final int basePort;
  /** Whether node i listens on 127.0.0.(i+1) rather than all on 127.0.0.1. */
  private final boolean ownAddresses;

  /**
   * @param basePort node i (0-based) uses basePort + 10*i .. +3 for RESP, gRPC, Raft, HTTP
   */
  public ProcessCluster(Path root, int nodeCount, int basePort, List<String> extraFlags) {
    this(root, java.util.Collections.nCopies(nodeCount, "127.0.0.1"), basePort, extraFlags);
  }

  /** Node i (0-based) listens on {@code hosts.get(i)}, ports as in the other constructor. */
  private ProcessCluster(Path root, List<String> hosts, int basePort, List<String> extraFlags) {
    for (int i = 0; i < hosts.size(); i++) {
      nodes.add(new NodeProcess("n" + (i + 1), hosts.get(i), basePort + 10 * i, root.resolve("n" + (i + 1))));
    }
    this.members = nodes.stream().map(NodeProcess::memberEntry).collect(Collectors.joining(","));
    this.extraFlags = extraFlags;
    this.root = root;
    this.basePort = basePort;
    this.ownAddresses = hosts.stream().distinct().count() > 1;
  }

  /**
   * Starts three nodes on the first block of free ports at or above {@code preferredBasePort}. A
   * block in use (another test run on this machine) is skipped: talking to someone else's cluster
   * on a fixed port once made a test see writes "lost" that were never written there.
   */
  public static ProcessCluster startThree(Path root, int preferredBasePort, String... extraFlags) throws Exception {
    return start(root, 3, preferredBasePort, extraFlags);
  }

  /** Like {@link #startThree}, with {@code nodeCount} nodes. */
  public static ProcessCluster start(Path root, int nodeCount, int preferredBasePort, String... extraFlags)
      throws Exception {
    ProcessCluster cluster = new ProcessCluster(root, nodeCount, FreePorts.block(preferredBasePort, 10 * nodeCount),
        List.of(extraFlags));
    cluster.startAll();
    return cluster;
  }

  /**
   * A cluster, not yet started, whose node i listens on 127.0.0.(i+1) only: call {@link #startAll()}
   * once whatever must exist before the nodes (cgroups, packet filter rules) is in place.
   */
  public static ProcessCluster onOwnAddresses(Path root, int nodeCount, int preferredBasePort, String... extraFlags) {
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      hosts.add("127.0.0." + (i + 1));
    }
    return new ProcessCluster(root, hosts, FreePorts.block(preferredBasePort, 10 * nodeCount, hosts),
        List.of(extraFlags));
  }

  /**
   * Starts every member (not the nodes {@link #prepareJoin} made: they {@link #join} later) and waits
   * until all are healthy; on failure the nodes that did start are killed.
   */
  public void startAll() throws Exception {
    try {
      for (NodeProcess node : nodes) {
        if (!node.joins()) {
          node.start(members, extraFlags);
        }
      }
      awaitHealthy(Duration.ofSeconds(60));
      for (NodeProcess node : nodes) {
        if (!node.joins() && !node.isAlive()) {
          throw new AssertionError(node.name() + " exited while starting\n" + logTails());
        }
      }
    } catch (Exception | AssertionError e) {
      // The caller never gets the cluster to close: the nodes that did start would outlive the run.
      close();
      throw e;
    }
  }

  public List<NodeProcess> nodes() {
    return nodes;
  }

  public NodeProcess node(int index) {
    return nodes.get(index);
  }

  public void start(NodeProcess node) throws IOException {
    node.start(members, extraFlags);
  }

  /**
   * Starts one more node, n(k+1), that joins the running cluster as {@code deploy/local-cluster.sh
   * add-node} does: its name is not in --members (which stays the bootstrap nodes'), so it gets its
   * host and ports as flags, the cluster's other flags, and an empty data directory. Its ports are
   * the next block of this cluster's layout (base + 10*k) if free, else the next free block above.
   * Returns once it is healthy: it serves only after meta made it a member, and it holds no replica
   * until an operation moves one onto it.
   */
  public NodeProcess join() throws IOException {
    return join(prepareJoin());
  }

  /**
   * The next node that will join, n(k+1), in {@link #nodes()} already but not started: for whatever
   * must know every node before any starts (a packet filter rule, a cgroup). {@link #startAll}
   * leaves it alone; {@link #join(NodeProcess)} starts it.
   */
  public NodeProcess prepareJoin() {
    int index = nodes.size();
    String name = "n" + (index + 1);
    String host = ownAddresses ? "127.0.0." + (index + 1) : "127.0.0.1";
    NodeProcess node = NodeProcess.joining(name, host, FreePorts.block(basePort + 10 * index, 4, List.of(host)),
        root.resolve(name));
    nodes.add(node);
    return node;
  }

  /** Starts a node {@link #prepareJoin} made and returns once it is healthy, as {@link #join()} does. */
  public NodeProcess join(NodeProcess node) throws IOException {
    if (!node.joins() || !nodes.contains(node)) {
      throw new IllegalArgumentException(node.name() + " is not a node prepared to join this cluster");
    }
    node.start(members, extraFlags);
    awaitTrue(() -> !node.isAlive() || healthy(node), Duration.ofSeconds(90), node.name() + " joined and serving");
    if (!node.isAlive()) {
      throw new AssertionError(node.name() + " exited while joining\n" + logTails());
    }
    return node;
  }

  /** Starts a node with other flags than the cluster's, as an operator with a different config would. */
  public void startWithFlags(NodeProcess node, String... flags) throws IOException {
    node.start(members, List.of(flags));
  }

  /** Deletes a stopped node's data directory: it must rejoin from its peers. */
  public void wipe(NodeProcess node) throws IOException {
    if (node.isAlive()) {
      throw new IllegalStateException(node.name() + " is running");
    }
    try (Stream<Path> files = Files.walk(node.dataDir())) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        // The log stays, to read what happened before and after.
        if (!path.equals(node.dataDir()) && !path.getFileName().toString().equals("node.log")) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /** The node whose replica leads the (only) shard, as the nodes themselves report it. */
  public Optional<NodeProcess> leader() {
    for (NodeProcess node : nodes) {
      if (node.isAlive() && status(node).map(s -> s.contains("\"role\":\"leader\"")).orElse(false)) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  public NodeProcess awaitLeader(Duration timeout) {
    awaitTrue(() -> leader().isPresent(), timeout, "a leader");
    return leader().orElseThrow();
  }

  public List<NodeProcess> followers() {
    Optional<NodeProcess> leader = leader();
    return nodes.stream().filter(n -> n.isAlive() && leader.map(l -> l != n).orElse(true)).toList();
  }

  public Optional<String> status(NodeProcess node) {
    return get(node, "/status").map(HttpResponse::body);
  }

  /**
   * How many shards each running node leads, from its /status, in node order (-1 for a node that
   * does not answer). A cluster started with {@code --shards N} passes it in {@code extraFlags}.
   */
  public List<Integer> ledShardCounts() {
    return nodes.stream().map(node -> !node.isAlive() ? -1 : status(node)
        .map(s -> s.split("\"role\":\"leader\"", -1).length - 1).orElse(-1)).toList();
  }

  /** A number or boolean field of a node's /status, e.g. {@code meta_epoch}; empty when it does not answer. */
  public Optional<String> statusField(NodeProcess node, String field) {
    return status(node).flatMap(s -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":\"?([^,\"}]*)").matcher(s);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    });
  }

  /** The shard's applied index on a node, from its /status. */
  public long appliedIndex(NodeProcess node) {
    return status(node).map(s -> {
      int at = s.indexOf("\"applied_index\":");
      if (at < 0) {
        return -1L;
      }
      String tail = s.substring(at + 16);
      return Long.parseLong(tail.substring(0, tail.indexOf(',')));
    }).orElse(-1L);
  }

  public void awaitHealthy(Duration timeout) {
    awaitTrue(this::runningNodesHealthy, timeout, "every running node healthy");
  }

  /** Whether every running node answers /health with 200 (a node still starting does not). */
  public boolean runningNodesHealthy() {
    return nodes.stream().filter(NodeProcess::isAlive).allMatch(ProcessCluster::healthy);
  }

  private static boolean healthy(NodeProcess node) {
    return get(node, "/health").map(r -> r.statusCode() == 200).orElse(false);
  }

  private static Optional<HttpResponse<String>> get(NodeProcess node, String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + node.host() + ":" + node.httpPort() + path))
          .timeout(Duration.ofSeconds(2)).build();
      return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + logTails());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /** The last lines of every node's log, for failure messages. */
  public String logTails() {
    StringBuilder text = new StringBuilder();
    for (NodeProcess node : nodes) {
      try {
        String[] lines = node.log().split("\n");
        text.append("--- ").append(node.name()).append(" (last lines of node.log)\n");
        for (int i = Math.max(0, lines.length - 15); i < lines.length; i++) {
          text.append(lines[i]).append('\n');
        }
      } catch (IOException e) {
        text.append("--- ").append(node.name()).append(": log unreadable: ").append(e.getMessage()).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    for (NodeProcess node : nodes) {
      try {
        node.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
