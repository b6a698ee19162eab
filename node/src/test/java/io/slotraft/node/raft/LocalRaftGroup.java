package io.slotraft.node.raft;

import io.slotraft.node.Await;
import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Raft group of real JRaft replicas in this JVM, each with its own transport and log store, whose
 * state machine records entries as strings. For tests of {@link RaftReplica} itself.
 */
final class LocalRaftGroup implements AutoCloseable {
  static final int ELECTION_TIMEOUT_MS = 400;

  private final Path root;
  private final List<Peer> peers = new ArrayList<>();
  private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor();

  /**
   * Applies entries as strings; a new leader proposes a no-op, as a shard does. Its snapshot is
   * one file, {@code state}, holding the entries applied so far, one a line.
   */
  static final class Recorder implements ReplicatedStateMachine<String> {
    static final String STATE_FILE = "state";
    final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    volatile RaftReplica<String> replica;
    /** What the last snapshot loaded held; null until one is loaded. */
    volatile String loaded;

    @Override
    public String applyEntry(long index, long term, ByteBuffer data) {
      String entry = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
      applied.add(entry);
      return entry + " applied at " + index;
    }

    @Override
    public SnapshotJob captureSnapshot() {
      String state = String.join("\n", applied);
      return stateJob(state);
    }

    /** A snapshot of {@code state}, as {@link #captureSnapshot} writes one. */
    static SnapshotJob stateJob(String state) {
      return directory -> {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(STATE_FILE), state);
        return List.of(STATE_FILE);
      };
    }

    @Override
    public void loadSnapshot(Path directory) throws IOException {
      loaded = Files.readString(directory.resolve(STATE_FILE));
    }

    @Override
    public void onRoleChange(boolean leader, long term) {
      RaftReplica<String> raft = replica;
      if (leader && raft != null) {
        raft.propose(bytes("no-op"));
      }
    }
  }

  /** One node: its transport and log store outlive its replica, which may stop and start again. */
  final class Peer {
    final String endpoint;
    final RaftTransport transport;
    final NodeLogStore logStore;
    final Path directory;
    Recorder recorder;
    RaftReplica<String> replica;

    Peer(int index, int port) throws IOException {
      endpoint = "127.0.0.1:" + port;
      transport = new RaftTransport("127.0.0.1", port);
      transport.start();
      logStore = NodeLogStore.open(root.resolve("n" + index).resolve("log"), damage -> {}, System::currentTimeMillis);
      directory = root.resolve("n" + index).resolve("group");
    }

    void start() throws IOException {
      start(endpoints());
    }

    /** Starts with {@code initialPeers} as the configuration of a new directory. */
    void start(List<String> initialPeers) throws IOException {
      recorder = new Recorder();
      replica = RaftReplica.start(transport, logStore, "test-group", endpoint, initialPeers, directory,
          new ReplicaOptions(ELECTION_TIMEOUT_MS, 0, 100, false), recorder, snapshotWriter);
      recorder.replica = replica;
    }

    void stop() {
      replica.close();
    }
  }

  /** Starts {@code size} replicas of one group. */
  LocalRaftGroup(Path root, int size) throws IOException {
    this(root, size, true);
  }

  /** {@code size} replicas of one group, started unless {@code start} is false (the test starts them). */
  LocalRaftGroup(Path root, int size, boolean start) throws IOException {
    this.root = root;
    for (int i = 0; i < size; i++) {
      peers.add(new Peer(i, freePort()));
    }
    if (start) {
      for (Peer peer : peers) {
        peer.start();
      }
    }
  }

  List<Peer> peers() {
    return peers;
  }

  List<String> endpoints() {
    return peers.stream().map(p -> p.endpoint).toList();
  }

  Peer awaitLeader() throws InterruptedException {
    Await.until("a leader", Duration.ofSeconds(30), () -> peers.stream().anyMatch(p -> p.replica.isLeader()));
    return peers.stream().filter(p -> p.replica.isLeader()).findFirst().orElseThrow();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    for (Peer peer : peers) {
      if (peer.replica != null) {
        peer.replica.close();
      }
      peer.logStore.close();
      peer.transport.close();
    }
    snapshotWriter.shutdownNow();
  }
}
