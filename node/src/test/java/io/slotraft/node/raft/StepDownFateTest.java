package io.slotraft.node.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Await;
import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose leader steps down after appending it, on real JRaft replicas: the proposer learns
 * what the log decided instead of answering "may or may not have been applied". The leader's two
 * followers stop, so its entry cannot commit and it steps down; one follower comes back, and as its
 * log is shorter only the old leader can win the election. It commits the entry in its new term,
 * and the proposal, whose closure JRaft failed at the step-down, completes with the entry's result.
 */
class StepDownFateTest {
  private static final int ELECTION_TIMEOUT_MS = 400;

  @TempDir
  Path root;
  private final List<Peer> peers = new ArrayList<>();
  private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor();

  /** Applies entries as strings; a new leader proposes a no-op, as a shard does. */
  private static final class Recorder implements ReplicatedStateMachine<String> {
    final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    volatile RaftReplica<String> replica;

    @Override
    public String applyEntry(long index, long term, ByteBuffer data) {
      String entry = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
      applied.add(entry);
      return entry + " applied at " + index;
    }

    @Override
    public SnapshotJob captureSnapshot() {
      return directory -> List.of();
    }

    @Override
    public void loadSnapshot(Path directory) {}

    @Override
    public void onRoleChange(boolean leader, long term) {
      RaftReplica<String> raft = replica;
      if (leader && raft != null) {
        raft.propose(bytes("no-op"));
      }
    }
  }

  /** One node: its transport and log store outlive its replica, which stops and starts again. */
  private final class Peer {
    final String endpoint;
    final RaftTransport transport;
    final NodeLogStore logStore;
    final Path directory;
    Recorder recorder = new Recorder();
    RaftReplica<String> replica;

    Peer(int index, int port) throws IOException {
      endpoint = "127.0.0.1:" + port;
      transport = new RaftTransport("127.0.0.1", port);
      transport.start();
      logStore = NodeLogStore.open(root.resolve("n" + index).resolve("log"), damage -> {}, System::currentTimeMillis);
      directory = root.resolve("n" + index).resolve("group");
    }

    void start(List<String> voters) throws IOException {
      recorder = new Recorder();
      replica = RaftReplica.start(transport, logStore, "fate", endpoint, voters, directory,
          new ReplicaOptions(ELECTION_TIMEOUT_MS, 0, 100, false), recorder, snapshotWriter);
      recorder.replica = replica;
    }

    void stop() {
      replica.close();
    }
  }

  @AfterEach
  void stopAll() throws Exception {
    for (Peer peer : peers) {
      peer.replica.close();
      peer.logStore.close();
      peer.transport.close();
    }
    snapshotWriter.shutdownNow();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private Peer awaitLeader() throws InterruptedException {
    Await.until("a leader", Duration.ofSeconds(30), () -> peers.stream().anyMatch(p -> p.replica.isLeader()));
    return peers.stream().filter(p -> p.replica.isLeader()).findFirst().orElseThrow();
  }

  @Test
  void aWriteStrandedByItsLeadersStepDownCompletesWithItsResultOnceTheNextLeaderCommitsIt() throws Exception {
    for (int i = 0; i < 3; i++) {
      peers.add(new Peer(i, freePort()));
    }
    List<String> voters = peers.stream().map(p -> p.endpoint).toList();
    for (Peer peer : peers) {
      peer.start(voters);
    }
    Peer leader = awaitLeader();
    assertTrue(leader.replica.propose(bytes("first")).get(30, TimeUnit.SECONDS).startsWith("first applied"));
    List<Peer> followers = peers.stream().filter(p -> p != leader).toList();
    Await.until("the followers applied the first write", Duration.ofSeconds(30),
        () -> followers.stream().allMatch(p -> p.recorder.applied.contains("first")));

    followers.forEach(Peer::stop);
    CompletableFuture<String> stranded = leader.replica.propose(bytes("stranded"));
    Await.until("the leader steps down without a quorum", Duration.ofSeconds(30), () -> !leader.replica.isLeader());
    assertFalse(stranded.isDone() && stranded.isCompletedExceptionally(),
        "the step-down alone decides nothing about the write");

    followers.get(0).start(voters);
    String result = stranded.get(30, TimeUnit.SECONDS);
    assertTrue(result.startsWith("stranded applied at "), result);
    Await.until("the returning follower applied it too", Duration.ofSeconds(30),
        () -> followers.get(0).recorder.applied.contains("stranded"));
    assertEquals(1, Collections.frequency(leader.recorder.applied, "stranded"), "applied once");

    followers.get(1).start(voters);
  }
}
