package io.slotraft.node.shard;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.raft.ProposalException;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.ReplicatedStateMachine;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.statemachine.EntryCodec;
import io.slotraft.node.statemachine.ClientSequence;
import io.slotraft.node.statemachine.KeyWatch;
import io.slotraft.node.statemachine.LoggedCommand;
import io.slotraft.node.statemachine.ShardStateMachine;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.MergeBody;
import io.slotraft.proto.v1.MergeStepRequest;
import io.slotraft.proto.v1.SplitDone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's replica of one shard: the state machine, the lock that guards it, and the Raft replica
 * that orders its writes. Writes are grouped into entries by a {@link WriteBatcher}, encoded with the
 * leader's clock and a random seed (normalised) and proposed; reads wait for a ReadIndex barrier and
 * then run under the lock.
 */
public final class Shard implements ReplicatedStateMachine<List<Reply>> {
  private static final Logger LOG = LoggerFactory.getLogger(Shard.class);
  /**
   * Entries in flight before writes queue for a batch. Two keeps one entry filling while the other
   * commits, so fsync and replication never idle between batches. Measured (redis-benchmark, three
   * nodes on 2 cores): 1-8 give the same SET throughput, but 4 and 8 cut batches smaller and raise
   * the median latency of 50 one-at-a-time clients from ~2.3 to ~2.8 ms; 1 was ~0.3 ms better still
   * on this CPU-bound box but would serialise commit round trips on a real network or disk.
   */
  static final int ENTRIES_IN_FLIGHT = 2;
  /**
   * With an entry in flight, a second opens only once this many writes wait: a second entry of one
   * or two writes costs a whole commit round (replication, fsyncs, applies) for almost nothing, and
   * the writes behind it would have filled the next entry anyway.
   */
  static final int MIN_BATCH_TO_OVERLAP = 16;
  /**
   * Caps of one batch entry: enough to amortise an entry's cost (1024 commands measured no better),
   * small enough to replicate and apply without holding up the entries behind it.
   */
  static final int BATCH_COMMANDS = 256;
  static final int BATCH_BYTES = 1 << 20;

  private final ShardId id;
  private final ShardStateMachine stateMachine;
  private final SnapshotStore snapshots;
  private final LongSupplier clock;
  private volatile boolean rebuilding;
  private final WriteBatcher writes;
  /** Guards the keyspace between the apply thread and readers; held briefly, never across I/O. */
  private final ReentrantLock lock = new ReentrantLock();
  private volatile RaftReplica<List<Reply>> replica;
  private volatile boolean leader;
  private volatile long lastSnapshotIndex;
  private volatile long lastSnapshotMs;
  private volatile BlockedClients blocked;
  private volatile SplitSeeds splitSeeds;
  /**
   * The index of the state the state machine was handed at construction (a split's carve, already
   * written as this replica's seed), or -1: JRaft's first load of the snapshot at that index finds
   * the same state in memory and skips reading it back from disk.
   */
  private volatile long preloadedIndex = -1;
  /** Whether a merge froze this shard (applied or loaded), read by writers before they propose. */
  private volatile boolean frozen;
  private volatile MergeFreezes mergeFreezes;
  /** Why this shard takes no snapshot now (a split's seed is not on disk); null when it may. */
  private volatile String snapshotsHeld;

  /**
   * Where a split's new shard gets its first state on this node: written as the new shard's first
   * snapshot, ahead of any later snapshot of this shard (see {@code operation.split}).
   */
  public interface SplitSeeds {
    void seed(ShardStateMachine.Carved carved) throws IOException;
  }

  /** @param maxWrites writes queued or in flight before new ones are refused as busy */
  public Shard(ShardId id, ShardStateMachine stateMachine, SnapshotStore snapshots, LongSupplier clock,
      int maxWrites) {
    this.id = id;
    this.stateMachine = stateMachine;
    this.snapshots = snapshots;
    this.clock = clock;
    this.writes = new WriteBatcher(this::proposeCommands,
        new WriteBatcher.Limits(ENTRIES_IN_FLIGHT, MIN_BATCH_TO_OVERLAP, maxWrites, BATCH_COMMANDS, BATCH_BYTES));
  }

  /** Binds the registry of clients blocked on this shard (BLPOP ...); set once at start. */
  public void attachBlocked(BlockedClients blockedClients) {
    this.blocked = blockedClients;
  }

  /**
   * Says that the state machine this shard was made with already holds the snapshot at {@code index}
   * (see {@link #preloadedIndex}); before the replica starts.
   */
  public void preloaded(long index) {
    this.preloadedIndex = index;
  }

  /** Binds where this shard's splits seed their new shards; set once at start. */
  public void attachSplitSeeds(SplitSeeds seeds) {
    this.splitSeeds = seeds;
  }

  public BlockedClients blocked() {
    return blocked;
  }

  /** Whether any of {@code keys} holds a live value now, for waking blocked clients. */
  public boolean anyKeyHasValue(List<byte[]> keys) {
    return withStateMachine(sm -> {
      long now = sm.readTime(clock.getAsLong());
      return keys.stream().anyMatch(key -> sm.keyspace().exists(key, now));
    });
  }

  /** Binds the Raft replica once it has started (it calls back into this shard while starting). */
  public void attach(RaftReplica<List<Reply>> replica) {
    this.replica = replica;
  }

  public ShardId id() {
    return id;
  }

  public RaftReplica<List<Reply>> replica() {
    return replica;
  }

  public boolean isLeader() {
    RaftReplica<List<Reply>> r = replica;
    return leader && r != null && r.isLeader();
  }

  /** Proposes a write command, maybe in one entry with others; completes with its reply once applied here. */
  public CompletableFuture<Reply> write(List<byte[]> argv) {
    return frozen ? refusedWhileFrozen() : writes.submit(LoggedCommand.of(argv));
  }

  /**
   * As {@link #write(List)}, for a write of a client session: applied once however often it is
   * retried, a retry answered with the first reply.
   */
  public CompletableFuture<Reply> write(List<byte[]> argv, ClientSequence client) {
    return frozen ? refusedWhileFrozen() : writes.submit(new LoggedCommand(argv, client));
  }

  /** Whether a merge froze this shard: it takes no command until its merge ends or rolls back. */
  public boolean isFrozen() {
    return frozen;
  }

  /**
   * A write to a shard a merge froze, refused before it is proposed: the state machine would refuse
   * it at apply anyway, and clients held until meta routes them try again every few milliseconds.
   */
  private static CompletableFuture<Reply> refusedWhileFrozen() {
    return CompletableFuture.completedFuture(RoutingReply.TryAgain.frozenForMerge(-1));
  }

  /**
   * Proposes MULTI ... EXEC as one entry of its own, in order with this shard's other writes;
   * completes with EXEC's reply (the replies' array, or a null array when a watch aborted it, or
   * was taken on another shard).
   * Commands are argv each, reads included.
   */
  public CompletableFuture<Reply> transaction(List<List<byte[]>> commands, List<KeyWatch> watches) {
    if (watches.stream().anyMatch(watch -> watch.takenElsewhere(id.id()))) {
      // Watched on the shard a split or merge took the key from: that log's indexes mean nothing in
      // this one, so whether the key changed cannot be told. Aborted, as if it had (clients retry).
      return CompletableFuture.completedFuture(Reply.Nil.ARRAY);
    }
    if (frozen) {
      return refusedWhileFrozen();
    }
    return writes.submitAlone(() -> replica.propose(EntryCodec.transaction(clock.getAsLong(),
        ThreadLocalRandom.current().nextLong(), commands, watches)).thenApply(replies -> replies.get(0)));
  }

  /**
   * Where a WATCH starts: after a ReadIndex barrier (so it is at least as new as any write already
   * acknowledged), the applied index and the clock a read would judge expiry by.
   */
  public CompletableFuture<KeyWatch.Point> watchPoint(int slot) {
    return replica.readBarrier().thenApply(ready -> withStateMachine(sm -> {
      if (!sm.owns(slot)) {
        // A split gave the slot away: an index of this shard's log means nothing to the new one's.
        throw new ProposalException(ProposalException.Kind.NOT_LEADER, "slot " + slot + " moved by a split");
      }
      return new KeyWatch.Point(sm.appliedIndex(), sm.readTime(clock.getAsLong()), id.id());
    }));
  }

  /** One entry for the batcher: stamped now, since its commands are "received" when proposed. */
  private CompletableFuture<List<Reply>> proposeCommands(List<LoggedCommand> commands) {
    long now = clock.getAsLong();
    long seed = ThreadLocalRandom.current().nextLong();
    byte[] entry = commands.size() == 1
        ? EntryCodec.command(now, seed, commands.get(0)) // also readable by replicas not yet upgraded
        : EntryCodec.commandBatch(now, seed, commands);
    return replica.propose(entry);
  }

  /** Proposes deleting {@code keys} if they are still expired at {@code nowMs} when applied. */
  CompletableFuture<Reply> proposeExpiry(long nowMs, List<byte[]> keys) {
    return replica.propose(EntryCodec.expireKeys(nowMs, keys)).thenApply(replies -> replies.get(0));
  }

  /** A linearizable read: after the ReadIndex barrier (or under the leader's lease), against the keyspace. */
  public CompletableFuture<Reply> read(CommandSpec spec, CommandArgs args) {
    return replica.linearizableRead(() -> readLocal(spec, args));
  }

  /**
   * Marks this replica as being rebuilt from its peers (started empty after its data was found
   * damaged): until {@link #rebuilt()}, it holds nothing worth reading, not even stale.
   */
  public void markRebuilding() {
    rebuilding = true;
  }

  /** The replica is a voter again, caught up by its leader. */
  public void rebuilt() {
    rebuilding = false;
  }

  /**
   * Whether READONLY reads may be served from what this replica has applied. False while it is
   * rebuilt or caught up as a learner (a move's target): it may hold part of the keyspace or none,
   * which is not a stale copy, it is a wrong one.
   */
  public boolean servesStaleReads() {
    RaftReplica raft = replica;
    return !rebuilding && (raft == null || raft.isVoter());
  }

  /** A read of whatever this replica has applied, possibly stale (READONLY on a follower). */
  public Reply readLocal(CommandSpec spec, CommandArgs args) {
    lock.lock();
    try {
      return stateMachine.read(spec, args, clock.getAsLong());
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code action} with the keyspace locked, for node-side introspection (INFO, expiry). */
  public <T> T withStateMachine(java.util.function.Function<ShardStateMachine, T> action) {
    lock.lock();
    try {
      return action.apply(stateMachine);
    } finally {
      lock.unlock();
    }
  }

  /** The applied index the newest snapshot covers (0 if none yet). */
  public long lastSnapshotIndex() {
    return lastSnapshotIndex;
  }

  /** When the newest snapshot written by this process finished (0 if none). */
  public long lastSnapshotMs() {
    return lastSnapshotMs;
  }

  /** Entries applied since the newest snapshot: how much log a restart would replay. */
  public long entriesSinceSnapshot() {
    RaftReplica<List<Reply>> r = replica;
    return r == null ? 0 : Math.max(0, r.lastAppliedIndex() - lastSnapshotIndex);
  }

  /**
   * Has this replica, which must lead, propose the split of a split operation; completes with where
   * it split once the entry is applied here, at once when this shard already applied that split.
   *
   * @param splitSlot the new shard's first slot, or -1 for the slot that halves the keys
   */
  public CompletableFuture<SplitDone> split(int splitSlot, String newShardId, long operationId) {
    Optional<ShardStateMachine.SplitRecord> done = withStateMachine(
        sm -> sm.lastSplit().filter(split -> split.operationId() == operationId));
    if (done.isPresent()) {
      return CompletableFuture.completedFuture(SplitDone.newBuilder().setSplitSlot(done.get().splitSlot())
          .setSplitIndex(done.get().splitIndex()).build());
    }
    if (!isLeader()) {
      return CompletableFuture.failedFuture(new ProposalException(ProposalException.Kind.NOT_LEADER,
          "this node does not lead " + id.id()));
    }
    int at = splitSlot >= 0 ? splitSlot : withStateMachine(ShardStateMachine::halvingSlot);
    List<String> voters = replica.peerEndpoints();
    return writes.submitAlone(() -> replica.propose(EntryCodec.split(clock.getAsLong(), at, newShardId, operationId,
            voters))
            .thenApply(replies -> replies.get(0)))
        .thenApply(reply -> {
          if (!(reply instanceof Reply.Int)) {
            throw new IllegalArgumentException(reply instanceof Reply.Error error ? error.message()
                : "unexpected reply to a split: " + reply);
          }
          // What the log applied, not what this leader asked: a split proposed again by another
          // leader, which chose the halving slot anew, is answered with the first one.
          ShardStateMachine.SplitRecord applied = withStateMachine(sm -> sm.lastSplit()
              .filter(split -> split.operationId() == operationId)).orElseThrow(() ->
              new IllegalStateException("split of operation " + operationId + " applied but not recorded"));
          return SplitDone.newBuilder().setSplitSlot(applied.splitSlot()).setSplitIndex(applied.splitIndex()).build();
        });
  }

  /**
   * Has this replica, which must lead, propose one entry of a merge operation (see {@code
   * operation.merge}); completes with the entry's index once applied here (0 for a ROLLBACK), at
   * once when this shard already applied that step.
   */
  public CompletableFuture<Long> mergeStep(MergeStepRequest request) {
    Optional<Long> done = withStateMachine(sm -> appliedMergeStep(sm, request));
    if (done.isPresent()) {
      return CompletableFuture.completedFuture(done.get());
    }
    if (!isLeader()) {
      return CompletableFuture.failedFuture(new ProposalException(ProposalException.Kind.NOT_LEADER,
          "this node does not lead " + id.id()));
    }
    MergeBody step = MergeBody.newBuilder().setPhase(request.getPhase()).setOperationId(request.getOperationId())
        .setTargetShardId(request.getTargetShardId()).setSourceShardId(request.getSourceShardId())
        .setSourceIndex(request.getSourceIndex()).setSourceSlotStart(request.getSourceSlotStart())
        .setSourceSlotEnd(request.getSourceSlotEnd()).build();
    return writes.submitAlone(() -> replica.propose(EntryCodec.merge(clock.getAsLong(), step))
            .thenApply(replies -> replies.get(0)))
        .thenApply(reply -> {
          if (reply instanceof Reply.Error error) {
            throw new IllegalArgumentException(error.message());
          }
          // What the log applied: a step proposed again answers the first one's index.
          return withStateMachine(sm -> appliedMergeStep(sm, request)).orElseThrow(() -> new IllegalStateException(
              "merge " + request.getOperationId() + "'s " + request.getPhase() + " applied but not recorded"));
        });
  }

  /** The index of the merge step {@code request} asks for, if this shard already applied it. */
  private static Optional<Long> appliedMergeStep(ShardStateMachine sm, MergeStepRequest request) {
    long operation = request.getOperationId();
    return switch (request.getPhase()) {
      case MERGE_PREPARE -> sm.mergeFreeze().filter(freeze -> freeze.operationId() == operation)
          .map(ShardStateMachine.MergeFreeze::prepareIndex);
      case MERGE_COMMIT -> sm.lastMerge().filter(merge -> merge.operationId() == operation)
          .map(ShardStateMachine.MergeRecord::commitIndex);
      case MERGE_ROLLBACK -> sm.reshapes().mergeReleased() >= operation ? Optional.of(0L) : Optional.empty();
      case MERGE_PHASE_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("no merge phase given");
    };
  }

  /**
   * Hands this frozen shard's state to a merge's target on this node (see {@link
   * ShardStateMachine#handOverFrozen}) and from then on takes no snapshot, in one step under the
   * lock: its snapshots on disk hold the frozen state, a later one would hold the empty keyspace left.
   */
  public Optional<ShardStateMachine.FrozenState> handOverFrozen(long operationId, long prepareIndex) {
    lock.lock();
    try {
      Optional<ShardStateMachine.FrozenState> handed = stateMachine.handOverFrozen(operationId, prepareIndex);
      if (handed.isPresent()) {
        snapshotsHeld = "its frozen state went to " + handed.get().freeze().targetShardId() + " by merge " + operationId;
      }
      return handed;
    } finally {
      lock.unlock();
    }
  }

  /** Binds where merges find their frozen sources on this node; before the replica starts. */
  public void attachMergeSources(ShardStateMachine.MergeSources sources) {
    stateMachine.attachMergeSources(sources);
  }

  /** One reply per command the entry carries, in order: a batch entry has several, others one. */
  @Override
  public List<Reply> applyEntry(long index, long term, ByteBuffer data) {
    List<Reply> replies;
    Optional<ShardStateMachine.Carved> carved;
    boolean reshaped;
    lock.lock();
    try {
      long reshapesBefore = stateMachine.reshapeChanges();
      replies = stateMachine.apply(index, term, data);
      reshaped = stateMachine.reshapeChanges() != reshapesBefore;
      carved = stateMachine.takeCarved();
    } finally {
      lock.unlock();
    }
    if (carved.isPresent()) {
      seed(carved.get());
    }
    if (reshaped) {
      afterMergeStep(index);
    }
    BlockedClients waiting = blocked;
    if (leader && waiting != null && !waiting.isEmpty()) {
      waiting.keyspaceChanged();
    }
    return replies;
  }

  /**
   * Hands the carved state to the node, which writes it as the new shard's seed (see {@code
   * ShardReplicas}, which holds this shard's snapshots if the write fails). A failure to even take
   * it fails the entry's apply.
   */
  private void seed(ShardStateMachine.Carved carved) {
    SplitSeeds seeds = splitSeeds;
    if (seeds == null) {
      throw new IllegalStateException("[" + id.groupId() + "] split at slot " + carved.split().splitSlot()
          + " but this replica has nowhere to seed " + carved.split().newShardId());
    }
    try {
      seeds.seed(carved);
    } catch (IOException e) {
      throw new UncheckedIOException("[" + id.groupId() + "] could not seed " + carved.split().newShardId()
          + " from the split: " + e.getMessage(), e);
    }
    BlockedClients waiting = blocked;
    if (waiting != null) {
      // Clients blocked on keys that moved try again, are refused, and wait for meta to route them.
      int splitSlot = carved.split().splitSlot();
      waiting.wakeWhere(keys -> !keys.isEmpty() && SlotHash.slot(keys.get(0)) >= splitSlot);
    }
  }

  /**
   * After a merge froze this shard (or let it go), or this shard took a merge's source in: a freeze
   * is recorded on disk, clients blocked on a frozen shard are woken to be refused (they wait for
   * meta to route them), and a target's state as of the merge goes to disk at once (the node keeps
   * the source's copy until this shard's snapshot covers the merge).
   */
  private void afterMergeStep(long index) {
    Optional<ShardStateMachine.MergeFreeze> freeze = withStateMachine(ShardStateMachine::mergeFreeze);
    boolean wasFrozen = frozen;
    frozen = freeze.isPresent();
    if (frozen != wasFrozen) {
      MergeFreezes freezes = mergeFreezes;
      if (freezes != null) {
        try {
          freezes.changed(freeze);
        } catch (IOException e) {
          throw new UncheckedIOException("[" + id.groupId() + "] could not record the merge's freeze on disk: "
              + e.getMessage(), e);
        }
      }
    }
    BlockedClients waiting = blocked;
    if (frozen && waiting != null) {
      waiting.wakeWhere(keys -> true);
    }
    if (!frozen) {
      // Taken in a merge's source (or let go): the node keeps the source's copy until this covers it.
      snapshotCovering(index, SNAPSHOT_ATTEMPTS);
    }
  }

  /**
   * Where this shard's node records that a merge froze it (or let it go), for a restart to find the
   * frozen state on disk (see {@link FrozenSourceOnDisk}); called on the apply thread, before the
   * freeze counts as applied.
   */
  public interface MergeFreezes {
    void changed(Optional<ShardStateMachine.MergeFreeze> freeze) throws IOException;
  }

  /** Binds where this shard's freezes are recorded; set once at start. */
  public void attachMergeFreezes(MergeFreezes freezes) {
    this.mergeFreezes = freezes;
  }

  /** How often a snapshot a merge step needs is tried (one may be under way already). */
  private static final int SNAPSHOT_ATTEMPTS = 100;

  private void snapshotCovering(long index, int attemptsLeft) {
    if (lastSnapshotIndex >= index || attemptsLeft == 0 || snapshotsHeld != null) {
      return;
    }
    RaftReplica<List<Reply>> raft = replica;
    Runnable again = () -> snapshotCovering(index, attemptsLeft - 1);
    if (raft == null) {
      CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS).execute(again);
      return;
    }
    // Not on the apply thread: JRaft queues the snapshot behind the entry being applied.
    CompletableFuture.runAsync(() -> raft.snapshot().whenComplete((done, failure) -> {
      if (lastSnapshotIndex < index) {
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS).execute(again);
      }
    }));
  }

  /**
   * Takes no snapshot from now on, for {@code reason}: a split's seed could not be written, so the
   * log must keep the split entry for a restart to replay it and seed again.
   */
  public void holdSnapshots(String reason) {
    this.snapshotsHeld = reason;
  }

  @Override
  public SnapshotJob captureSnapshot() {
    String held = snapshotsHeld;
    if (held != null) {
      throw new IllegalStateException("snapshots are held: " + held);
    }
    // On the apply thread: no entry is applied meanwhile, and readers do not mutate. A frozen shard's
    // keyspace may be handed to a merge's target from that target's apply thread: capture it under
    // the lock, and not at all once it is handed over (the handover holds snapshots).
    SnapshotJob job;
    if (frozen) {
      lock.lock();
      try {
        if (snapshotsHeld != null) {
          throw new IllegalStateException("snapshots are held: " + snapshotsHeld);
        }
        job = snapshots.capture(stateMachine, id);
      } finally {
        lock.unlock();
      }
    } else {
      job = snapshots.capture(stateMachine, id);
    }
    long index = stateMachine.appliedIndex();
    return directory -> {
      List<String> files = job.writeTo(directory);
      lastSnapshotIndex = index;
      lastSnapshotMs = clock.getAsLong();
      return files;
    };
  }

  @Override
  public void loadSnapshot(Path directory) throws IOException {
    long started = System.nanoTime();
    long preloaded = preloadedIndex;
    preloadedIndex = -1;
    lock.lock();
    try {
      if (preloaded >= 0 && preloaded == stateMachine.appliedIndex() && snapshots.appliedIndex(directory) == preloaded) {
        lastSnapshotIndex = preloaded;
        LOG.info("[{}] snapshot at index {} already in memory ({} keys): not read back", id.groupId(), preloaded,
            stateMachine.keyspace().size());
        return;
      }
      snapshots.load(directory, stateMachine);
      lastSnapshotIndex = stateMachine.appliedIndex();
      frozen = stateMachine.mergeFreeze().isPresent();
    } finally {
      lock.unlock();
    }
    LOG.info("[{}] loaded the snapshot at index {} ({} keys) in {} ms", id.groupId(), lastSnapshotIndex,
        withStateMachine(sm -> sm.keyspace().size()), (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public void onRoleChange(boolean isLeader, long term) {
    this.leader = isLeader;
    RaftReplica<List<Reply>> raft = replica;
    if (isLeader && raft != null) {
      // Raft's leader no-op; nobody awaits it, and a failure means leadership is already gone again.
      raft.propose(EntryCodec.noOp(clock.getAsLong()));
    }
    BlockedClients waiting = blocked;
    if (!isLeader && waiting != null) {
      // Nothing was popped for them here; they retry wherever the new leader is.
      waiting.releaseAll(new io.slotraft.node.raft.ProposalException(
          io.slotraft.node.raft.ProposalException.Kind.NOT_LEADER, "leader stepped down while the client was blocked"));
    }
  }
}
