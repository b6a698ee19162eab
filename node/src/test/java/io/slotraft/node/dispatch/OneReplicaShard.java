package io.slotraft.node.dispatch;

import io.slotraft.node.Catalogs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.RaftTransport;
import io.slotraft.node.raft.ReplicaOptions;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.raft.ReplicatedStateMachine;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real shard over every slot with a real Raft replica, the group's only voter, in this JVM: what
 * is proposed is fsynced and applied as on a node, and {@link #appliedIndex} counts the entries.
 * The start waits (no sleeping) for the replica to report itself leader.
 */
final class OneReplicaShard implements AutoCloseable {
  private final RaftTransport transport;
  private final NodeLogStore logStore;
  private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor();
  private final Shard shard;
  private final RaftReplica<List<Reply>> replica;

  private OneReplicaShard(Path directory, ShardId id, long nowMs) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    logStore = NodeLogStore.open(directory.resolve("raft-log"), damage -> {
      throw new IOException("a new store cannot be damaged: " + damage);
    }, () -> nowMs);
    transport = new RaftTransport("127.0.0.1", port);
    transport.start();
    CommandCatalog catalog = Catalogs.keyspaceOnly();
    shard = new Shard(id, new ShardStateMachine(catalog), new SstSnapshotStore(),
        () -> nowMs, 1000);
    CompletableFuture<Void> led = new CompletableFuture<>();
    String self = "127.0.0.1:" + port;
    replica = RaftReplica.start(transport, logStore, id.groupId(), self, List.of(self), directory.resolve("replica"),
        new ReplicaOptions(300, 0, 1000, false), new LeaderSignal(shard, led), snapshotWriter);
    shard.attach(replica);
    led.get(60, TimeUnit.SECONDS);
  }

  static OneReplicaShard start(Path directory, ShardId id, long nowMs) throws Exception {
    return new OneReplicaShard(directory, id, nowMs);
  }

  Shard shard() {
    return shard;
  }

  /** Entries applied so far: unchanged by a command that was never proposed. */
  long appliedIndex() {
    return shard.withStateMachine(ShardStateMachine::appliedIndex);
  }

  @Override
  public void close() {
    replica.close();
    transport.close();
    logStore.close();
    snapshotWriter.shutdownNow();
  }

  /** The shard, and a signal when it first becomes leader. */
  private record LeaderSignal(Shard shard, CompletableFuture<Void> led) implements ReplicatedStateMachine<List<Reply>> {
    @Override
    public List<Reply> applyEntry(long index, long term, ByteBuffer data) {
      return shard.applyEntry(index, term, data);
    }

    @Override
    public SnapshotJob captureSnapshot() {
      return shard.captureSnapshot();
    }

    @Override
    public void loadSnapshot(Path directory) throws IOException {
      shard.loadSnapshot(directory);
    }

    @Override
    public void onRoleChange(boolean leader, long term) {
      shard.onRoleChange(leader, term);
      if (leader) {
        led.complete(null);
      }
    }
  }
}
