package io.slotraft.node.metagroup;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.MetaCommandException;
import io.slotraft.node.meta.MetaOutcome;
import io.slotraft.node.meta.MetaSnapshots;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.MetaStateMachine;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.RaftTransport;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.raft.ReplicaOptions;
import io.slotraft.node.raft.ReplicatedStateMachine;
import io.slotraft.node.statemachine.EntryCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's replica of the meta group: the pure {@link MetaStateMachine} behind the Raft adapter,
 * its snapshot file, and linearizable reads of its state.
 */
public final class MetaReplica implements ReplicatedStateMachine<ProposalOutcome>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetaReplica.class);
  /** The meta group's Raft group id; its data lives under {@code data-dir/meta}. */
  public static final String GROUP_ID = "meta";
  /** Meta proposals are rare (bootstrap, later topology changes): a small bound keeps its buffers small. */
  private static final int MAX_INFLIGHT_PROPOSALS = 64;

  private final MetaStateMachine machine = new MetaStateMachine();
  /** The state after the last applied entry, published for readers on other threads. */
  private volatile MetaState applied = MetaState.EMPTY;
  private volatile RaftReplica<ProposalOutcome> replica;
  private volatile Runnable onNewEpoch = () -> {};

  private MetaReplica() {}

  /**
   * Starts (or restarts from {@code directory}) this node's meta replica.
   *
   * @param metaMembers the meta group's voters, used only when the directory is new
   */
  public static MetaReplica start(RaftTransport transport, NodeLogStore logStore, ClusterMember self, List<ClusterMember> metaMembers,
      Path directory, int electionTimeoutMs, int snapshotIntervalSecs, Executor snapshotWriter) throws IOException {
    MetaReplica meta = new MetaReplica();
    ReplicaOptions options = new ReplicaOptions(electionTimeoutMs, snapshotIntervalSecs, MAX_INFLIGHT_PROPOSALS,
        false); // meta's reads are rare: always a heartbeat round
    meta.replica = RaftReplica.start(transport, logStore, GROUP_ID, self.raftEndpoint(),
        metaMembers.stream().map(ClusterMember::raftEndpoint).toList(), directory, options, meta, snapshotWriter);
    return meta;
  }

  /**
   * Runs {@code listener} on the apply thread each time an applied entry changes the epoch, so the
   * node follows a new topology at once instead of at its next poll; it must only hand work off.
   */
  public void onNewEpoch(Runnable listener) {
    this.onNewEpoch = listener;
  }

  /** Meta as this replica has applied it; may lag the group. Use {@link #readLinearizable()} to decide. */
  public MetaState lastApplied() {
    return applied;
  }

  /** Meta's state once this replica has applied everything committed when asked (Raft ReadIndex). */
  public CompletableFuture<MetaState> readLinearizable() {
    return replica.readBarrier().thenApply(ignored -> applied);
  }

  /**
   * Proposes a meta command (an entry {@link io.slotraft.node.meta.MetaEntries} wrote or checked);
   * completes with its outcome once applied here, or fails when this replica is not the leader or
   * loses leadership first.
   */
  CompletableFuture<ProposalOutcome> propose(byte[] command) {
    return replica.propose(command);
  }

  /** The meta group's leader as this replica last heard, by Raft endpoint. */
  public Optional<String> leaderEndpoint() {
    return replica == null ? Optional.empty() : replica.leaderEndpoint();
  }

  /** The Raft replica underneath, for operators' views of it (indexes, peers); null before it started. */
  public RaftReplica<ProposalOutcome> raftReplica() {
    return replica;
  }

  public boolean isLeader() {
    return replica != null && replica.isLeader();
  }

  @Override
  public ProposalOutcome applyEntry(long index, long term, ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    MetaOutcome outcome;
    try {
      outcome = machine.apply(index, bytes);
    } catch (MetaCommandException e) {
      // The Raft adapter stops this replica on this exception rather than skip the entry.
      throw new EntryCodec.UnreadableEntryException(e.getMessage());
    }
    long epochBefore = applied.epoch();
    applied = machine.state();
    if (applied.epoch() != epochBefore) {
      onNewEpoch.run();
    }
    if (outcome.routine()) {
      LOG.debug("meta: {}", outcome.description());
    } else if (outcome.changed()) {
      LOG.info("meta: {}", outcome.description());
    } else {
      LOG.warn("meta: {}", outcome.description());
    }
    // The proposer's future receives this. The epoch is read here, on the apply thread: read later,
    // in propose's continuation, it could already include entries applied after this one.
    return new ProposalOutcome(outcome.changed(), outcome.description(), applied.epoch(), outcome.operationId());
  }

  @Override
  public SnapshotJob captureSnapshot() {
    byte[] file = MetaSnapshots.encode(applied);
    return directory -> {
      Path path = directory.resolve(MetaSnapshots.FILE_NAME);
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(file);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // JRaft publishes the snapshot directory after this returns; the file must be on disk by then.
        channel.force(true);
      }
      return List.of(MetaSnapshots.FILE_NAME);
    };
  }

  @Override
  public void loadSnapshot(Path directory) throws IOException {
    MetaState state = MetaSnapshots.decode(Files.readAllBytes(directory.resolve(MetaSnapshots.FILE_NAME)));
    machine.restore(state);
    applied = state;
    LOG.info("meta: loaded snapshot at index {}: bootstrapped={}, epoch {}", state.appliedIndex(),
        state.bootstrapped(), state.epoch());
  }

  @Override
  public void onRoleChange(boolean leader, long term) {
    // Nothing to do at once: MetaBootstrapper checks leadership on its own timer, off the apply thread.
  }

  @Override
  public void close() {
    if (replica != null) {
      replica.close();
    }
  }
}
