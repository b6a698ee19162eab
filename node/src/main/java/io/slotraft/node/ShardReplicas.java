package io.slotraft.node;

import io.slotraft.node.config.NodeConfig;
import io.slotraft.node.config.ReadMode;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.MetaProposals;
import io.slotraft.node.operation.rebuild.RebuildStep;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.raft.LocalReplicaFiles;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.RaftTransport;
import io.slotraft.node.raft.ReplicaOptions;
import io.slotraft.node.raft.ReplicatedStateMachine;
import io.slotraft.node.raft.SeededReplica;
import io.slotraft.node.raft.SnapshotCopyLimit;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.reconcile.ReplicaReconciler;
import io.slotraft.node.reconcile.RetiredReplicas;
import io.slotraft.node.recovery.DamagedCopy;
import io.slotraft.node.recovery.ReplicaStart;
import io.slotraft.node.shard.BlockedClients;
import io.slotraft.node.shard.FrozenSourceOnDisk;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ShardStateMachine;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.RebuildReplicaSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's shard replicas on disk: starts the ones meta assigns here (a damaged one is rebuilt
 * through meta instead of started), and stops and sets aside the ones meta took away. The replica
 * reconciler decides which; this class knows how, so the node's start-up stays a list of parts.
 */
final class ShardReplicas {
  private static final Logger LOG = LoggerFactory.getLogger(ShardReplicas.class);

  /** The node's threads a replica uses: timers, blocked clients' checks, snapshot writing. */
  record Executors(ScheduledExecutorService timers, ExecutorService blockedChecker, Executor snapshotWriter) {}

  private final NodeConfig config;
  private final LongSupplier clock;
  private final NodeLogStore logStore;
  private final RaftTransport transport;
  private final SnapshotCopyLimit snapshotCopies;
  private final Executors executors;
  private final MetaProposals metaProposals;
  private final Supplier<MetaState> lastRead;
  private final Function<String, Optional<Shard>> runningShards;
  /**
   * Held while a split writes a new shard's seed and while a split's new shard without one is
   * started: the seed never lands in the directory of a replica already running there.
   */
  private final Object seeding = new Object();
  /**
   * Split-born shards whose seed this node wrote while it led the old shard: their replica here
   * campaigns first (see {@link #FIRST_CAMPAIGN_DIVISOR}).
   */
  private final Set<String> firstCampaigners = ConcurrentHashMap.newKeySet();
  /**
   * A split's new shard state this node carved and wrote as its seed, kept until its replica starts
   * here: the replica starts from it instead of reading the seed back (seconds for millions of keys,
   * during which the new shard's slots take no writes). Gone with a restart, which reads the seed.
   */
  private final Map<String, ShardStateMachine> carvedStates = new ConcurrentHashMap<>();
  /** Seeds being written on the snapshot-writer thread, by new shard id; guarded by {@link #seeding}. */
  private final Map<String, CompletableFuture<Void>> pendingSeeds = new HashMap<>();
  /** How long a reconcile pass waits for a seed being written before it leaves the start to the next. */
  private static final long SEED_WAIT_SECS = 30;
  /**
   * In the directory of a split's new replica started without a seed: until its leader's snapshot
   * arrives, a restart keeps it out of its configuration too.
   */
  static final String UNSEEDED_MARK = "unseeded";
  /**
   * A split's new group has no leader until one of its replicas' election timers fires: up to two
   * election timeouts in which its slots take no writes. The replica on the node that led the old
   * shard starts with a timeout this many times shorter, wins the first election (the others' logs
   * are no longer than its seed), and goes back to the configured timeout after two of those.
   */
  static final int FIRST_CAMPAIGN_DIVISOR = 5;

  /**
   * @param lastRead meta's state as the reconciler last read it (for a rebuild's progress)
   * @param runningShards this node's running replica of a shard, by shard id
   */
  ShardReplicas(NodeConfig config, LongSupplier clock, NodeLogStore logStore, RaftTransport transport,
      SnapshotCopyLimit snapshotCopies, Executors executors, MetaProposals metaProposals, Supplier<MetaState> lastRead,
      Function<String, Optional<Shard>> runningShards) {
    this.runningShards = runningShards;
    this.config = config;
    this.clock = clock;
    this.logStore = logStore;
    this.transport = transport;
    this.snapshotCopies = snapshotCopies;
    this.executors = executors;
    this.metaProposals = metaProposals;
    this.lastRead = lastRead;
  }

  Path directory(ShardId id) {
    return config.dataDir().resolve("shards").resolve(id.id());
  }

  /**
   * Starts (or restarts from its directory) this node's replica of one shard meta assigns here. A
   * replica that does not start because its data here is damaged is rebuilt from its peers (see
   * {@link #rebuildThroughMeta}); any other failure is the caller's, to try again.
   */
  Shard start(ShardPlacement assigned, ClusterTopology meta) throws IOException {
    ShardId id = ShardId.of(assigned);
    Path directory = directory(id);
    if (assigned.splitFrom() != null) {
      awaitSeed(id);
      synchronized (seeding) {
        if (pendingSeeds.containsKey(id.id())) {
          throw new IOException("its seed is being written; the next pass starts it");
        }
        if (!Files.exists(directory)) {
          return startUnseeded(assigned, meta, directory);
        }
        if (Files.exists(directory.resolve(UNSEEDED_MARK)) && LocalReplicaFiles.newestSnapshot(directory).isEmpty()) {
          // Started unseeded before, and its leader's snapshot has not arrived yet: still outside its
          // configuration, or an empty replica could campaign with its peers in the initial one.
          return startReplica(assigned, votersOtherThanSelf(assigned, meta), directory);
        }
      }
    }
    ReplicaStart<Shard> attempt = ReplicaStart.unlessDamaged(directory, logStore, id.groupId(),
        () -> startReplica(assigned, meta.raftEndpoints(assigned), directory));
    if (attempt.started() != null) {
      return attempt.started();
    }
    return rebuildThroughMeta(assigned, meta, directory, attempt.damage());
  }

  /**
   * A split's new shard whose seed is not here (see {@code operation.split}). While this node's
   * replica of the old shard has yet to apply the split, it will write the seed: wait for it (this
   * throws, and the next pass looks again). Otherwise that replica skipped the split entry (a
   * snapshot of a later state caught it up): the new replica starts empty and outside the group's
   * configuration, so that it neither campaigns nor elects an empty leader, and the new shard's
   * leader installs its state by snapshot. Called holding the seeding lock.
   */
  private Shard startUnseeded(ShardPlacement assigned, ClusterTopology meta, Path directory) throws IOException {
    ShardPlacement.SplitOrigin origin = assigned.splitFrom();
    boolean parentPlacedHere = meta.placement().shard(origin.parentShardId())
        .filter(parent -> parent.runsOn(config.self().nodeId())).isPresent();
    Optional<Shard> parent = runningShards.apply(origin.parentShardId());
    if (parentPlacedHere && parent.isEmpty()) {
      // It starts in this pass or a later one (after a restart, say), and may replay the split.
      throw new IOException("waiting for this node's replica of " + origin.parentShardId() + " to start and seed it");
    }
    long parentApplied = parent.map(Shard::replica).map(RaftReplica::lastAppliedIndex).orElse(Long.MAX_VALUE);
    if (parentApplied < origin.splitIndex()) {
      throw new IOException("waiting for this node's replica of " + origin.parentShardId() + " to apply the split at "
          + "index " + origin.splitIndex() + " (it is at " + parentApplied + ") and seed this one");
    }
    LOG.info("[{}] no seed from the split of {} here: starting empty for the shard's leader to fill",
        ShardId.of(assigned).groupId(), origin.parentShardId());
    Files.createDirectories(directory);
    Path mark = directory.resolve(UNSEEDED_MARK);
    Files.write(mark, new byte[0]);
    SeededReplica.forceDirectory(directory);
    // Until the leader's snapshot arrives its configuration does not list it: it serves no stale reads.
    return startReplica(assigned, votersOtherThanSelf(assigned, meta), directory);
  }

  /**
   * The shard's voters but this node: the configuration of a replica that must not campaign (a
   * rebuilt one, a split's unseeded one) until its leader has caught it up.
   */
  private List<String> votersOtherThanSelf(ShardPlacement assigned, ClusterTopology meta) {
    String selfEndpoint = config.self().raftEndpoint();
    return meta.raftEndpoints(assigned).stream().filter(p -> !p.equals(selfEndpoint)).toList();
  }

  /**
   * Has a split's new shard state, carved by {@code parent}'s replica here, written as the new
   * shard's seed on this node, with the parent group's voters as its configuration; a directory
   * already there (seeded before a crash, or started) is kept. Called on the parent's apply thread,
   * which only captures the state (references, no copies): the files are written on the node's one
   * snapshot-writer thread, so the parent goes on applying meanwhile, and any snapshot of the parent
   * taken after the split entry is written after the seed (that thread runs its jobs in order): the
   * parent's log is never cut past the split while the seed is not on disk, and a crash before it
   * is replays the entry and seeds again.
   */
  private void seed(Shard parent, ShardStateMachine.Carved carved) throws IOException {
    ShardStateMachine.SplitRecord split = carved.split();
    ShardId child = new ShardId(split.newShardId(), split.splitSlot(), carved.state().slotEnd());
    Path directory = directory(child);
    ReplicatedStateMachine.SnapshotJob image;
    List<String> voters = carved.voterEndpoints();
    CompletableFuture<Void> written = new CompletableFuture<>();
    synchronized (seeding) {
      if (Files.exists(directory) || pendingSeeds.containsKey(child.id())) {
        LOG.info("[{}] split at slot {} (entry {}) applied again: {} is already here", parent.id().groupId(),
            split.splitSlot(), split.splitIndex(), child.groupId());
        return;
      }
      image = new SstSnapshotStore().capture(carved.state(), child);
      pendingSeeds.put(child.id(), written);
      carvedStates.put(child.id(), carved.state());
      if (parent.isLeader()) {
        firstCampaigners.add(child.id());
      }
    }
    long started = System.nanoTime();
    executors.snapshotWriter().execute(() -> {
      Throwable failure = null;
      try {
        SeededReplica.write(directory, split.splitIndex(), ShardStateMachine.SEED_TERM, voters, image);
        LOG.info("[{}] split at slot {} (entry {}): seeded {} with {} keys in {} ms", parent.id().groupId(),
            split.splitSlot(), split.splitIndex(), child.groupId(), carved.state().keyspace().size(),
            (System.nanoTime() - started) / 1_000_000);
      } catch (IOException | RuntimeException e) {
        failure = e;
        // The old shard keeps its log from before the split (a restart replays it and seeds again);
        // meanwhile the new replica here starts empty and its leader fills it (see startUnseeded).
        parent.holdSnapshots("the seed of " + child.groupId() + " from the split at entry " + split.splitIndex()
            + " could not be written (" + e + "); restart the node to write it again");
        LOG.error("[{}] could not seed {} from the split at entry {}: {}; this replica takes no snapshot until the "
            + "node restarts", parent.id().groupId(), child.groupId(), split.splitIndex(), e.toString());
        carvedStates.remove(child.id());
      }
      synchronized (seeding) {
        pendingSeeds.remove(child.id());
      }
      if (failure == null) {
        written.complete(null);
      } else {
        written.completeExceptionally(failure);
      }
    });
  }

  /** Waits (bounded) for a seed of {@code id} being written on this node, if one is. */
  private void awaitSeed(ShardId id) throws IOException {
    CompletableFuture<Void> pending;
    synchronized (seeding) {
      pending = pendingSeeds.get(id.id());
    }
    if (pending == null) {
      return;
    }
    try {
      pending.get(SEED_WAIT_SECS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // Written nowhere here: the replica starts empty below and its leader fills it.
    } catch (TimeoutException e) {
      throw new IOException("still writing its seed after " + SEED_WAIT_SECS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for its seed", e);
    }
  }

  /**
   * A replica whose data here is damaged is rebuilt by meta (see {@code operation.rebuild}): this
   * node asks for the operation, never starts the damaged copy, and once meta's driver has taken the
   * replica out of its group sets the copy aside and starts the replica empty, outside the group,
   * for the leader to catch up. Until then each reconcile pass looks again (this throws).
   */
  private Shard rebuildThroughMeta(ShardPlacement assigned, ClusterTopology meta, Path directory, String damage)
      throws IOException {
    ShardId id = ShardId.of(assigned);
    String self = config.self().nodeId();
    Optional<Operation> rebuild = lastRead.get().runningRebuildOf(id.id(), self);
    if (rebuild.isEmpty()) {
      LOG.error("[{}] this node's copy of the shard is damaged and will not be served: {}. Asking meta to rebuild it "
          + "from its peers", id.groupId(), damage);
      metaProposals.propose(MetaEntries.startOperation(OperationSpec.newBuilder().setRebuildReplica(
          RebuildReplicaSpec.newBuilder().setShardId(id.id()).setNodeId(self).setDamage(damage)).build(), 0,
          clock.getAsLong()));
      throw new IOException("damaged (" + damage + "); meta was asked to rebuild it");
    }
    if (rebuild.get().getStep().equals(RebuildStep.REMOVE_DAMAGED.name())) {
      throw new IOException("damaged; waiting for meta's rebuild (operation " + rebuild.get().getId()
          + ") to take it out of its group");
    }
    DamagedCopy.setAside(directory, id.groupId(), rebuild.get().getId(), logStore, clock.getAsLong());
    Shard fresh = startReplica(assigned, votersOtherThanSelf(assigned, meta), directory);
    RebuiltReplicaReport.whenVoting(executors.timers(), id.groupId(), fresh::replica, rebuild.get().getId(), lastRead);
    return fresh;
  }

  /** @param initialPeers the group's voters when the directory is new (without this node for a rebuild) */
  private Shard startReplica(ShardPlacement assigned, List<String> initialPeers, Path directory) throws IOException {
    ShardId id = ShardId.of(assigned);
    ShardStateMachine seededHere = carvedStates.remove(id.id());
    ShardPlacement.SlotRange initial = assigned.initialRange();
    Shard created = new Shard(id, seededHere != null ? seededHere
        : new ShardStateMachine(Catalogs.keyspaceOnly(), initial.slotStart(), initial.slotEnd()),
        new SstSnapshotStore(), clock, config.maxInflightWrites());
    if (seededHere != null) {
      created.preloaded(seededHere.appliedIndex());
    }
    created.attachBlocked(new BlockedClients(created::anyKeyHasValue, executors.timers(), executors.blockedChecker()));
    created.attachSplitSeeds(carved -> seed(created, carved));
    created.attachMergeSources(this::frozenSource);
    created.attachMergeFreezes(freeze -> FrozenSourceOnDisk.record(directory, freeze.map(
        frozen -> new FrozenSourceOnDisk.Marker(frozen, initial.slotStart(), initial.slotEnd()))));
    ReplicaOptions options = new ReplicaOptions(config.electionTimeoutMs(), config.snapshotIntervalSecs(),
        config.maxInflightWrites(), config.readMode() == ReadMode.LEASE, snapshotCopies);
    boolean campaignFirst = firstCampaigners.remove(id.id());
    if (campaignFirst) {
      options = options.withElectionTimeoutMs(Math.max(50, config.electionTimeoutMs() / FIRST_CAMPAIGN_DIVISOR));
    }
    var replica = RaftReplica.start(transport, logStore, id.groupId(), config.self().raftEndpoint(),
        initialPeers, directory, options, created, executors.snapshotWriter());
    created.attach(replica);
    if (campaignFirst) {
      executors.timers().schedule(() -> replica.resetElectionTimeoutMs(config.electionTimeoutMs()),
          2L * config.electionTimeoutMs(), TimeUnit.MILLISECONDS);
    }
    return created;
  }

  /**
   * A merge's frozen source as this node holds it, for its target's replica here to take in (see
   * {@code operation.merge}): handed over by the source's running replica when it has it in memory,
   * else read from the source's directory and its log here ({@link FrozenSourceOnDisk}). Throws
   * when neither has it.
   */
  private ShardStateMachine.FrozenState frozenSource(String sourceShardId, long operationId, long prepareIndex) {
    Optional<Shard> running = runningShards.apply(sourceShardId);
    if (running.isPresent()) {
      Optional<ShardStateMachine.FrozenState> handed = running.get().handOverFrozen(operationId, prepareIndex);
      if (handed.isPresent()) {
        LOG.info("[{}] handed its frozen state ({} keys) to {} for merge {}", running.get().id().groupId(),
            handed.get().keyspace().size(), handed.get().freeze().targetShardId(), operationId);
        return handed.get();
      }
    }
    Path directory = config.dataDir().resolve("shards").resolve(sourceShardId);
    long started = System.nanoTime();
    try {
      ShardStateMachine.FrozenState read = FrozenSourceOnDisk.read(directory, logStore,
          new ShardId(sourceShardId, 0, 0).groupId(), Catalogs.keyspaceOnly(), operationId, prepareIndex);
      LOG.info("[{}] read its frozen state ({} keys) for merge {} from {} in {} ms", sourceShardId,
          read.keyspace().size(), operationId, directory, (System.nanoTime() - started) / 1_000_000);
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("this node holds no frozen copy of " + sourceShardId + " for merge "
          + operationId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why a merge's frozen source directory must stay on this node, or empty when it may go: while
   * the merge's target runs here and its newest snapshot does not yet cover the merge, a restart
   * replays the target's COMMIT, which reads the source's state from that directory.
   */
  private Optional<String> heldForMerge(ShardStateMachine.MergeFreeze freeze) {
    boolean targetHere = lastRead.get().topology().placement().shard(freeze.targetShardId())
        .filter(target -> target.runsOn(config.self().nodeId())).isPresent();
    if (!targetHere) {
      return Optional.empty();
    }
    Optional<Shard> target = runningShards.apply(freeze.targetShardId());
    boolean covered = target.map(shard -> shard.withStateMachine(sm -> sm.lastMerge()
            .filter(merge -> merge.operationId() >= freeze.operationId()).map(ShardStateMachine.MergeRecord::commitIndex))
        .filter(commit -> shard.lastSnapshotIndex() >= commit).isPresent()).orElse(false);
    return covered ? Optional.empty() : Optional.of("kept until " + freeze.targetShardId()
        + "'s snapshot here covers merge " + freeze.operationId());
  }

  /** The merge freeze recorded in {@code directory} (its marker, or its newest snapshot), if any. */
  private static Optional<ShardStateMachine.MergeFreeze> frozenOnDisk(Path directory) {
    Optional<FrozenSourceOnDisk.Marker> marker = FrozenSourceOnDisk.marker(directory);
    if (marker.isPresent()) {
      return Optional.of(marker.get().freeze());
    }
    try {
      Optional<Path> snapshot = LocalReplicaFiles.newestSnapshot(directory);
      if (snapshot.isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(SstSnapshotStore.reshapesIn(snapshot.get()).mergeFreeze());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a shard directory no replica here runs may be set aside: one the caller would not keep,
   * unless a merge still needs it, and a merged-away source's once its target's snapshot here covers
   * the merge (meta no longer knows the source, which the caller would keep for a split's sake).
   */
  private boolean staleHere(Path directory, boolean kept) {
    String shardId = directory.getFileName().toString();
    if (runningShards.apply(shardId).isPresent()) {
      return !kept;
    }
    Optional<ShardStateMachine.MergeFreeze> freeze = frozenOnDisk(directory);
    if (freeze.isEmpty()) {
      return !kept;
    }
    boolean merged = lastRead.get().topology().placement().shard(shardId).isEmpty();
    return (merged || !kept) && heldForMerge(freeze.get()).isEmpty();
  }

  /** Stops replicas meta took away from this node and sets their data aside (see {@link RetiredReplicas}). */
  ReplicaReconciler.ReplicaRetirer retirer() {
    return new ReplicaReconciler.ReplicaRetirer() {
      @Override
      public void retire(Shard running) throws IOException {
        Optional<String> held = running.withStateMachine(ShardStateMachine::mergeFreeze).flatMap(
            ShardReplicas.this::heldForMerge);
        if (held.isPresent()) {
          throw new ReplicaReconciler.RetireDeferred(held.get());
        }
        if (running.replica() != null) {
          running.replica().close();
        }
        // The log first: a crash before the rename leaves a directory that the next pass sets aside.
        logStore.dropGroup(running.id().groupId());
        RetiredReplicas.setAside(directory(running.id()), clock.getAsLong());
      }

      @Override
      public void retireStale(Predicate<String> keep) throws IOException {
        Path shards = config.dataDir().resolve("shards");
        if (!Files.isDirectory(shards)) {
          return;
        }
        List<Path> stale;
        try (var entries = Files.list(shards)) {
          stale = entries.filter(Files::isDirectory)
              .filter(p -> !RetiredReplicas.isRetired(p) && !p.getFileName().toString().contains(DamagedCopy.ASIDE_MARK))
              .filter(p -> !SeededReplica.isStaging(p))
              .filter(p -> staleHere(p, keep.test(p.getFileName().toString())))
              .toList();
        }
        for (Path directory : stale) {
          // A seed carved here for a shard meta places elsewhere: its state in memory goes too.
          carvedStates.remove(directory.getFileName().toString());
          String groupId = new ShardId(directory.getFileName().toString(), 0, 0).groupId();
          logStore.dropGroup(groupId);
          RetiredReplicas.setAside(directory, clock.getAsLong());
          LOG.info("[{}] set aside the data of a shard meta does not assign here", groupId);
        }
      }
    };
  }
}
