package io.slotraft.node.injvm;

import io.slotraft.node.SlotraftNode;
import io.slotraft.node.config.ConfigException;
import io.slotraft.node.config.ConfigKey;
import io.slotraft.node.config.ConfigLoader;
import io.slotraft.node.config.NodeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real nodes in this JVM: each with its own ports, data directory, Raft replicas and RESP server,
 * configured exactly as a node process would be from its flags.
 */
final class InJvmCluster implements AutoCloseable {
  private final List<SlotraftNode> nodes = new ArrayList<>();
  private final List<NodeConfig> configs = new ArrayList<>();
  private final List<Integer> respPorts = new ArrayList<>();
  private final List<Integer> grpcPorts = new ArrayList<>();
  private String members;
  private Map<ConfigKey, String> extraFlags = Map.of();

  /** Starts {@code count} nodes hosting {@code shards} shards between them. */
  static InJvmCluster start(Path root, int count, int shards) throws IOException, ConfigException {
    return start(root, count, shards, Map.of());
  }

  /** As {@link #start(Path, int, int)}, every node also given {@code extraFlags}. */
  static InJvmCluster start(Path root, int count, int shards, Map<ConfigKey, String> extraFlags)
      throws IOException, ConfigException {
    System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
    System.setProperty("logback.middleware.log.disable", "true");
    System.setProperty("sofa.middleware.log.internal.level", "ERROR");
    InJvmCluster cluster = new InJvmCluster();
    cluster.extraFlags = extraFlags;
    List<String> members = new ArrayList<>();
    // All at once: ports found free one node at a time could be handed out again to the next node.
    int[] ports = freePorts(4 * count);
    for (int i = 1; i <= count; i++) {
      int base = 4 * (i - 1);
      members.add("n" + i + "@127.0.0.1:" + ports[base] + ":" + ports[base + 1] + ":" + ports[base + 2] + ":"
          + ports[base + 3]);
      cluster.respPorts.add(ports[base]);
      cluster.grpcPorts.add(ports[base + 1]);
    }
    cluster.members = String.join(",", members);
    for (int i = 1; i <= count; i++) {
      Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
      flags.put(ConfigKey.NAME, "n" + i);
      flags.put(ConfigKey.MEMBERS, String.join(",", members));
      flags.put(ConfigKey.DATA_DIR, root.resolve("n" + i).toString());
      flags.put(ConfigKey.SHARDS, Integer.toString(shards));
      flags.put(ConfigKey.ELECTION_TIMEOUT_MS, "500");
      flags.putAll(extraFlags);
      NodeConfig config = new ConfigLoader().flags(flags).load();
      cluster.configs.add(config);
      cluster.nodes.add(new SlotraftNode(config));
    }
    // All at once, as processes start: a node's start returns only once meta has a topology, and
    // meta needs a majority of its members running, so starting one after another would wait forever.
    ExecutorService starter = Executors.newFixedThreadPool(count);
    try {
      List<Future<SlotraftNode>> starting = new ArrayList<>();
      for (SlotraftNode node : cluster.nodes) {
        starting.add(starter.submit(node::start));
      }
      for (Future<SlotraftNode> node : starting) {
        node.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      cluster.close();
      throw new IOException("the in-JVM cluster did not start: " + e.getMessage(), e);
    } finally {
      starter.shutdown();
    }
    return cluster;
  }

  /**
   * Stops every node, runs {@code whileDown} (to damage their files, say), then starts them all again
   * at once on the same ports and data directories, as after a power cut of the whole cluster;
   * returns once they serve meta's topology again.
   */
  void restartAll(Runnable whileDown) throws Exception {
    for (SlotraftNode node : nodes) {
      node.close();
    }
    whileDown.run();
    for (int i = 0; i < nodes.size(); i++) {
      nodes.set(i, new SlotraftNode(configs.get(i)));
    }
    ExecutorService starter = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<SlotraftNode>> starting = new ArrayList<>();
      for (SlotraftNode node : nodes) {
        starting.add(starter.submit(node::start));
      }
      for (Future<SlotraftNode> node : starting) {
        node.get();
      }
    } finally {
      starter.shutdownNow();
    }
  }

  /**
   * Stops node {@code index} as a process exit would (its ports close, its streams end), then starts
   * it again on the same ports and data directory; returns once it serves meta's topology again.
   */
  void restart(int index) throws Exception {
    nodes.get(index).close();
    SlotraftNode again = new SlotraftNode(configs.get(index));
    nodes.set(index, again);
    again.start();
  }

  /**
   * Starts a new node that joins the running cluster (its name is not in the bootstrap members, as
   * {@code local-cluster.sh add-node} starts one); returns its index once it serves.
   */
  int join(Path root) throws Exception {
    int index = nodes.size();
    String name = "n" + (index + 1);
    int[] ports = freePorts(4);
    Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
    flags.put(ConfigKey.NAME, name);
    flags.put(ConfigKey.MEMBERS, members);
    flags.put(ConfigKey.HOST, "127.0.0.1");
    flags.put(ConfigKey.RESP_PORT, Integer.toString(ports[0]));
    flags.put(ConfigKey.GRPC_PORT, Integer.toString(ports[1]));
    flags.put(ConfigKey.RAFT_PORT, Integer.toString(ports[2]));
    flags.put(ConfigKey.HTTP_PORT, Integer.toString(ports[3]));
    flags.put(ConfigKey.DATA_DIR, root.resolve(name).toString());
    flags.put(ConfigKey.SHARDS, configs.get(0).shards() + "");
    flags.put(ConfigKey.ELECTION_TIMEOUT_MS, "500");
    flags.putAll(extraFlags);
    NodeConfig config = new ConfigLoader().flags(flags).load();
    configs.add(config);
    respPorts.add(ports[0]);
    grpcPorts.add(ports[1]);
    SlotraftNode node = new SlotraftNode(config);
    nodes.add(node);
    node.start();
    return index;
  }

  NodeConfig config(int index) {
    return configs.get(index);
  }

  List<Integer> respPorts() {
    return respPorts;
  }

  List<Integer> grpcPorts() {
    return grpcPorts;
  }

  private static int[] freePorts(int count) throws IOException {
    int[] ports = new int[count];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
    return ports;
  }

  /** Stops one node (0-based) as a graceful shutdown would; the others go on. */
  void stop(int index) {
    nodes.get(index).close();
  }

  @Override
  public void close() {
    for (SlotraftNode node : nodes) {
      node.close();
    }
  }
}
