package io.slotraft.node.raft;

import com.alipay.sofa.jraft.Node;
import com.alipay.sofa.jraft.NodeManager;
import com.alipay.sofa.jraft.RaftServiceFactory;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.closure.ReadIndexClosure;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.core.NodeImpl;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.entity.Task;
import com.alipay.sofa.jraft.option.NodeOptions;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.option.ReadOnlyOption;
import io.slotraft.node.raft.logstore.GroupLogServiceFactory;
import io.slotraft.node.raft.logstore.LegacyLogImport;
import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's Raft peer on this node. Proposals and reads return futures; in-flight proposals are
 * bounded so that an overloaded replica answers "busy" at once instead of queueing without limit.
 *
 * @param <R> what its state machine answers for an applied entry, and so what a proposal completes with
 */
public final class RaftReplica<R> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RaftReplica.class);
  private static final byte[] NO_CONTEXT = new byte[0];
  /** At most this many threads per replica handle Raft RPC replies; one is kept (see nodeOptions). */
  private static final int REPLY_THREADS_PER_REPLICA = 3;
  /**
   * Election timeouts after a start of leadership during which lease reads take a heartbeat round:
   * a lease granted before a transfer lasts at most 0.9 of one past the leader's return.
   */
  static final int LEASE_QUIET_ELECTION_TIMEOUTS = 2;
  /** How long a hand-over waits for the writes in flight to finish before it gives up and leads on. */
  static final long HAND_OVER_DRAIN_MS = 2_000;

  private final String groupId;
  private final Path directory;
  private final Node node;
  private final JRaftStateMachineAdapter<R> adapter;
  private final Semaphore inflight;
  private final int maxInflight;
  private final long electionTimeoutMs;
  /** Set while leadership is being handed over: proposals wait for it instead of reaching JRaft. */
  private final AtomicReference<CompletableFuture<Void>> handOver = new AtomicReference<>();
  /** Set once {@link #close} starts: JRaft's node must not be asked anything after its shutdown. */
  private volatile boolean closed;
  private final boolean leaseReads;
  /** How long after a start of leadership lease reads wait (see {@link #linearizableRead}). */
  private final long leaseQuietNanos;

  private RaftReplica(String groupId, Path directory, Node node, JRaftStateMachineAdapter<R> adapter,
      ReplicaOptions options) {
    this.groupId = groupId;
    this.directory = directory;
    this.node = node;
    this.adapter = adapter;
    this.inflight = new Semaphore(options.maxInflightProposals());
    this.maxInflight = options.maxInflightProposals();
    this.electionTimeoutMs = options.electionTimeoutMs();
    this.leaseReads = options.leaseReads();
    this.leaseQuietNanos = TimeUnit.MILLISECONDS.toNanos((long) LEASE_QUIET_ELECTION_TIMEOUTS * options.electionTimeoutMs());
  }

  /**
   * Starts (or restarts from its directory) this node's replica of a group.
   *
   * @param selfEndpoint this node's Raft endpoint, {@code host:port}
   * @param peerEndpoints the initial voters' endpoints, used only when the directory is new
   * @param directory the replica's own directory (Raft meta, snapshots); its log is in {@code logStore}
   */
  public static <R> RaftReplica<R> start(RaftTransport transport, NodeLogStore logStore, String groupId,
      String selfEndpoint, List<String> peerEndpoints, Path directory, ReplicaOptions options,
      ReplicatedStateMachine<R> target, Executor snapshotWriter) throws IOException {
    Files.createDirectories(directory.resolve("snapshot"));
    prepareLog(logStore, groupId, directory);
    JRaftStateMachineAdapter<R> adapter = new JRaftStateMachineAdapter<>(groupId, target, snapshotWriter, peerEndpoints);
    NodeOptions nodeOptions = nodeOptions(peerEndpoints, directory, options, adapter);
    nodeOptions.setServiceFactory(new GroupLogServiceFactory(logStore, groupId));
    nodeOptions.setLogUri(logStore.directory().resolve(groupId).toString()); // only named in JRaft's logs
    PeerId self = PeerId.parsePeer(selfEndpoint);
    // What RaftGroupService.start does on a shared RPC server, but keeping the node when its init
    // fails: a half-initialised node holds its log's RocksDB open (and its lock), and only its
    // shutdown lets a later start, or a rebuild in a fresh directory at the same path, open it.
    NodeManager.getInstance().addAddress(self.getEndpoint());
    Node node = RaftServiceFactory.createRaftNode(groupId, self);
    if (!node.init(nodeOptions)) {
      shutDownFailedInit(node);
      throw new IllegalStateException("Raft replica " + groupId + " failed to start in " + directory
          + " (the reason is logged above)");
    }
    return new RaftReplica<>(groupId, directory, node, adapter, options);
  }

  /**
   * Makes the group's log in the shared store match the directory: a log in the per-replica layout
   * of earlier builds is converted. A directory without Raft meta (term, vote) whose group has log
   * entries is refused: the replica forgot whom it voted for, and a replica with a log always has
   * its Raft meta (see {@link LocalReplicaFiles#hasRaftMeta}), so starting it could let it vote twice
   * in a term; the caller's damage check finds this and rebuilds the replica instead.
   */
  private static void prepareLog(NodeLogStore logStore, String groupId, Path directory) throws IOException {
    LegacyLogImport.removeLeftover(directory);
    if (LegacyLogImport.present(directory)) {
      LegacyLogImport.convert(logStore, groupId, directory);
    } else if (!LocalReplicaFiles.hasRaftMeta(directory) && logStore.holdsEntries(groupId)) {
      throw new IOException("[" + groupId + "] has Raft log entries but no Raft meta in " + directory);
    }
  }

  private static NodeOptions nodeOptions(List<String> peerEndpoints, Path directory, ReplicaOptions options,
      JRaftStateMachineAdapter<?> adapter) {
    NodeOptions nodeOptions = new NodeOptions();
    Configuration initial = new Configuration();
    for (String peer : peerEndpoints) {
      initial.addPeer(PeerId.parsePeer(peer));
    }
    nodeOptions.setInitialConf(initial);
    nodeOptions.setFsm(adapter);
    nodeOptions.setElectionTimeoutMs(options.electionTimeoutMs());
    nodeOptions.setSnapshotIntervalSecs(options.snapshotIntervalSecs());
    nodeOptions.setRaftMetaUri(directory.resolve("raft_meta").toString());
    nodeOptions.setSnapshotUri(directory.resolve("snapshot").toString());
    if (options.snapshotCopies() != null) {
      nodeOptions.setSnapshotThrottle(options.snapshotCopies().throttle());
    }
    nodeOptions.setDisableCli(false);
    // Without shared timers every group starts its own timer threads (see DEPENDENCIES.md).
    nodeOptions.setSharedTimerPool(true);
    nodeOptions.setSharedElectionTimer(true);
    nodeOptions.setSharedVoteTimer(true);
    nodeOptions.setSharedStepDownTimer(true);
    nodeOptions.setSharedSnapshotTimer(true);
    // Each replica's Raft client keeps a pool for RPC replies (votes, heartbeats) whose core size is a
    // third of this, and a thread pool creates a new core thread on every task until it is full:
    // with the default of 80, a node of 48 replicas grew over a thousand idle threads. Replies are
    // short; replication itself runs on JRaft's shared append-entries executors.
    nodeOptions.setRpcProcessorThreadPoolSize(REPLY_THREADS_PER_REPLICA);
    // Bolt's background reconnection costs each replica's client a thread of its own; JRaft's
    // replicator connects again by itself at its next heartbeat to a peer that came back.
    nodeOptions.setEnableBoltReconnect(false);
    RaftOptions raftOptions = new RaftOptions();
    // An entry counts toward commit only once it is fsynced on a majority: acknowledged writes
    // survive a power cut of every node.
    raftOptions.setSync(true);
    raftOptions.setSyncMeta(true);
    raftOptions.setDisruptorBufferSize(ringBufferSize(options.maxInflightProposals()));
    nodeOptions.setRaftOptions(raftOptions);
    return nodeOptions;
  }

  /** JRaft's disruptors need a power of two; size them to the in-flight bound, not the 16384 default. */
  private static int ringBufferSize(int maxInflight) {
    return Integer.highestOneBit(Math.max(1024, maxInflight - 1)) << 1;
  }

  public String groupId() {
    return groupId;
  }

  public boolean isLeader() {
    return adapter.isLeader() && node.isLeader();
  }

  /** The leader's Raft endpoint ({@code host:port}) as this replica last heard, if any. */
  public Optional<String> leaderEndpoint() {
    PeerId leader = node.getLeaderId();
    return leader == null || leader.isEmpty() ? Optional.empty() : Optional.of(leader.getEndpoint().toString());
  }

  /** The voters' Raft endpoints, as of the newest configuration in this replica's log. */
  public List<String> peerEndpoints() {
    return configuration().map(conf -> endpoints(conf.getPeers())).orElseGet(adapter::voters);
  }

  /**
   * The newest configuration in this replica's log, appended or loaded with a snapshot. JRaft tells
   * the state machine only of joint configurations and snapshots' ones, so after a snapshot older
   * than the entries that removed and re-added this replica, what it told would say "voter" while
   * this replica is still a learner; the node's own configuration follows every entry.
   */
  private Optional<Configuration> configuration() {
    return node instanceof NodeImpl impl ? Optional.ofNullable(impl.getCurrentConf()) : Optional.empty();
  }

  private static List<String> endpoints(List<PeerId> peers) {
    return peers.stream().map(peer -> peer.getEndpoint().toString()).toList();
  }

  /** The replica's own directory (Raft meta and snapshots). */
  public Path directory() {
    return directory;
  }

  /**
   * The bytes of this replica's snapshot files, including one being received: what installing it on
   * a new replica copies, and how far a new replica has got.
   */
  public long snapshotBytesOnDisk() {
    return LocalReplicaFiles.bytesUnder(directory.resolve("snapshot"));
  }

  /**
   * Whether this replica votes in its group, as of the newest configuration in its log: false for a
   * learner being caught up and for a replica started empty to be rebuilt.
   */
  public boolean isVoter() {
    return peerEndpoints().contains(node.getNodeId().getPeerId().getEndpoint().toString());
  }

  /** The learners' Raft endpoints, as of the newest configuration in this replica's log. */
  public List<String> learnerEndpoints() {
    return configuration().map(conf -> endpoints(conf.listLearners())).orElseGet(adapter::learners);
  }

  public long lastAppliedIndex() {
    return node.getLastAppliedLogIndex();
  }

  public long lastCommittedIndex() {
    return node.getLastCommittedIndex();
  }

  /**
   * Proposes an encoded log entry. The future completes with what the state machine answered for it
   * (see {@link ReplicatedStateMachine#applyEntry}) once it is committed and applied here, or fails
   * with a {@link ProposalException}. When this replica stops leading with the entry appended, the
   * future waits for the log to decide it ({@link ProposalFates}): the answer if it is committed,
   * NOT_LEADER if it cannot be any more, UNKNOWN only if neither is learned in time.
   */
  public CompletableFuture<R> propose(byte[] entry) {
    CompletableFuture<Void> handingOver = handOver.get();
    if (handingOver != null) {
      // Never appended here: once the hand-over is done the proposal goes to JRaft if this replica
      // still leads, else it fails as NOT_LEADER, which callers may redirect without doubt.
      return handingOver.thenCompose(ignored -> isLeader() ? propose(entry) : CompletableFuture.failedFuture(
          new ProposalException(ProposalException.Kind.NOT_LEADER, "leadership was handed over on " + groupId)));
    }
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    long term = adapter.leaderTerm();
    if (term <= 0) {
      // Not leading, or JRaft leads but has not yet told the state machine (it applies the older
      // entries first): a proposal without its term could not learn its fate after a step-down, and
      // one sent now, e.g. the next batch of a write batcher, would be judged by those older entries.
      return CompletableFuture.failedFuture(new ProposalException(ProposalException.Kind.NOT_LEADER,
          "not the leader of " + groupId + " (or not yet serving as one)"));
    }
    if (!inflight.tryAcquire()) {
      return CompletableFuture.failedFuture(
          new ProposalException(ProposalException.Kind.BUSY, "too many writes in flight on " + groupId));
    }
    ByteBuffer data = ByteBuffer.wrap(entry);
    ProposalClosure<R> closure = new ProposalClosure<>(inflight::release, term, data, adapter.fates());
    adapter.fates().add(closure);
    Task task = new Task(data, closure);
    // Appended in this term or not at all: what lets a step-down's stranded proposal learn its fate.
    task.setExpectedTerm(term);
    try {
      node.apply(task);
    } catch (RuntimeException e) {
      // The node is shutting down or shut down (it throws, or its queue is gone): never enqueued.
      closure.notAppended(closedException());
    }
    return closure.future();
  }

  /**
   * Completes once this replica has applied everything committed when the read was asked for (Raft
   * ReadIndex, batched by JRaft): a read served after it is linearizable.
   */
  public CompletableFuture<Void> readBarrier() {
    return readIndex(ReadOnlyOption.ReadOnlySafe);
  }

  /**
   * Runs {@code read} linearizably: after a ReadIndex barrier, or, with lease reads, under the
   * leader's lease, checked both before and after the read.
   *
   * <p>Why after: a leader that checked its lease, then paused (a GC, a stopped process) past it,
   * could read while another leader was elected and took writes. Checking again once the read is
   * done, with no change of leadership in between, proves the lease covered the whole read. JRaft's
   * lease is 90% of the election timeout from the last time a majority answered, and followers refuse
   * pre-votes while their leader is current, so the clock assumption is: the nodes' monotonic clocks
   * advance at rates within 10% of each other (no bound on their offsets is needed). A lease that
   * lapsed makes JRaft fall back to a heartbeat round, so a read never waits for a new lease.
   *
   * <p>Why not right after gaining leadership: a leadership transfer skips pre-votes (its target
   * elects itself at once, and real votes are granted whatever the voter last heard), and when the
   * transfer times out, the old leader leads again in its old term with a lease its followers
   * granted before they voted for the target. So for {@link #LEASE_QUIET_ELECTION_TIMEOUTS} election
   * timeouts after every start of leadership, reads take the heartbeat round instead.
   */
  public <T> CompletableFuture<T> linearizableRead(Supplier<T> read) {
    if (!leaseReads || !adapter.ledFor(leaseQuietNanos)) {
      return readBarrier().thenApply(ready -> read.get());
    }
    long changes = adapter.leadershipChanges();
    return readIndex(ReadOnlyOption.ReadOnlyLeaseBased)
        .thenApply(ready -> read.get())
        .thenCompose(value -> readIndex(ReadOnlyOption.ReadOnlyLeaseBased).thenApply(confirmed -> {
          if (adapter.leadershipChanges() != changes || !adapter.isLeader()) {
            throw new ProposalException(ProposalException.Kind.NOT_LEADER,
                "leadership of " + groupId + " changed while a lease read ran");
          }
          return value;
        }));
  }

  private CompletableFuture<Void> readIndex(ReadOnlyOption mode) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    try {
      node.readIndex(mode, NO_CONTEXT, new ReadIndexClosure() {
        @Override
        public void run(Status status, long index, byte[] requestContext) {
          if (status.isOk()) {
            ready.complete(null);
          } else {
            ready.completeExceptionally(ProposalClosure.toException(status));
          }
        }
      });
    } catch (RuntimeException e) {
      ready.completeExceptionally(closedException()); // shutting down: the read never started
    }
    return ready;
  }

  /** Takes a snapshot now (it also compacts the log up to it). */
  public CompletableFuture<Void> snapshot() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    node.snapshot(status -> {
      if (status.isOk()) {
        done.complete(null);
      } else {
        done.completeExceptionally(new IOException("snapshot of " + groupId + " failed: " + status));
      }
    });
    return done;
  }

  /**
   * The voters (this one included) that answered the leader within its lease, by Raft endpoint;
   * empty on a follower, which does not track its peers.
   */
  public List<String> alivePeerEndpoints() {
    if (!node.isLeader()) {
      return List.of();
    }
    try {
      return node.listAlivePeers().stream().map(peer -> peer.getEndpoint().toString()).toList();
    } catch (IllegalStateException e) {
      return List.of(); // stepped down in between
    }
  }

  /**
   * Changes the election timeout (and with it the heartbeat interval) of this replica from now on:
   * a split's new group starts with a short one on the node that led the old shard, so that it
   * campaigns first, and goes back to the configured one afterwards.
   */
  public void resetElectionTimeoutMs(int timeoutMs) {
    if (!closed) {
      node.resetElectionTimeoutMs(timeoutMs);
    }
  }

  /**
   * Hands leadership to {@code endpoint} without leaving any write's fate unknown; blocks for up to
   * {@link #HAND_OVER_DRAIN_MS} plus an election timeout. New proposals wait; those in flight finish
   * (committed and applied here, their proposers answered); only then does JRaft transfer (it waits
   * for the target to have the whole log and tells it to elect itself). Without the wait, entries in
   * flight when the old leader steps down are committed by the new one while their proposers hear
   * "leader stepped down": a Redis client would get an error for a write that took effect. The
   * waiting proposals then fail as NOT_LEADER (redirected to the new leader) or, if the transfer did
   * not happen, go on here.
   *
   * @return whether JRaft accepted the transfer (it refuses right after an election)
   */
  public boolean transferLeadershipTo(String endpoint) {
    if (!isLeader()) {
      return false;
    }
    CompletableFuture<Void> pause = new CompletableFuture<>();
    if (!handOver.compareAndSet(null, pause)) {
      return false; // a hand-over is under way already
    }
    try {
      if (!awaitInflight(0, HAND_OVER_DRAIN_MS) || !node.transferLeadershipTo(PeerId.parsePeer(endpoint)).isOk()) {
        return false;
      }
      // JRaft gives up after an election timeout and leads on; the new leader's election is faster.
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(electionTimeoutMs + electionTimeoutMs / 2);
      while (adapter.isLeader() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      handOver.set(null);
      pause.complete(null);
    }
  }

  /** Waits until at most {@code left} proposals are in flight; false after {@code timeoutMs}. */
  private boolean awaitInflight(int left, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (maxInflight - inflight.availablePermits() > left) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    shutDown(node);
    adapter.fates().abandonAll("the replica of " + groupId + " closed");
  }

  /** What a proposal or read gets from a closed replica: it certainly did not run, so it may go elsewhere. */
  private ProposalException closedException() {
    return new ProposalException(ProposalException.Kind.NOT_LEADER, "the replica of " + groupId + " is closed");
  }

  /**
   * Shuts down a node whose init failed, waiting a bounded time: a part that never started (a log
   * that did not open) can keep JRaft's join waiting for ever, and a node start must not hang.
   */
  private static void shutDownFailedInit(Node node) {
    CountDownLatch done = new CountDownLatch(1);
    try {
      node.shutdown(status -> done.countDown());
      if (!done.await(5, TimeUnit.SECONDS)) {
        LOG.warn("Raft node {} that failed to start did not finish shutting down in 5 s", node.getGroupId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("shutting down Raft node {} that failed to start: {}", node.getGroupId(), e.toString());
    }
  }

  private static void shutDown(Node node) {
    try {
      node.shutdown();
      node.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
