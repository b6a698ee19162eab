package io.slotraft.node;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.config.NodeConfig;
import io.slotraft.node.dispatch.KeyRouting;
import io.slotraft.node.dispatch.NodeCommandDispatcher;
import io.slotraft.node.grpc.ClientCallsInPlace;
import io.slotraft.node.grpc.ClientGrpcService;
import io.slotraft.node.grpc.MetaGrpcService;
import io.slotraft.node.grpc.TopologyGrpcService;
import io.slotraft.node.grpc.TopologyWatch;
import io.slotraft.node.http.HttpEndpoints;
import io.slotraft.node.leadership.LeaderBalancer;
import io.slotraft.node.meta.BootstrapPlan;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaMembers;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.MetaBootstrapper;
import io.slotraft.node.metagroup.MetaHost;
import io.slotraft.node.metagroup.MetaMemberChannels;
import io.slotraft.node.metagroup.MetaProposer;
import io.slotraft.node.metagroup.MetaReplica;
import io.slotraft.node.metagroup.NodeMetaSource;
import io.slotraft.node.metagroup.RemoteMetaSource;
import io.slotraft.node.operation.NodeDriverContext;
import io.slotraft.node.operation.OperationRunner;
import io.slotraft.node.operation.split.AutoSplitPolicy;
import io.slotraft.node.operation.split.AutoSplitter;
import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.raft.LocalReplicaFiles;
import io.slotraft.node.raft.ProposalException;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.RaftTransport;
import io.slotraft.node.raft.RemoteLeaders;
import io.slotraft.node.raft.SnapshotCopyLimit;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.reconcile.NodeReporter;
import io.slotraft.node.reconcile.ReplicaReconciler;
import io.slotraft.node.reconcile.RetiredReplicas;
import io.slotraft.node.recovery.DamagedCopy;
import io.slotraft.node.recovery.LostLogMarker;
import io.slotraft.node.recovery.ReplicaStart;
import io.slotraft.node.resp.RespServer;
import io.slotraft.node.resp.RespServices;
import io.slotraft.node.routing.LocalTopology;
import io.slotraft.node.routing.PlacedShardRouter;
import io.slotraft.node.shard.ExpiryCycle;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.shard.SnapshotPolicy;
import io.slotraft.proto.v1.ReplicaDescription;
import io.slotraft.proto.v1.SplitDone;
import io.slotraft.proto.v1.SplitShardRequest;
import io.slotraft.proto.v1.MergeStepDone;
import io.slotraft.proto.v1.MergeStepRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: its Raft transport, its meta replica if it is a meta member, the shard replicas
 * meta assigns to it, and the RESP, gRPC and HTTP ports in front of them. Start order is inside-out
 * (Raft, meta, then the replicas of meta's topology, client ports last) so that no client reaches a
 * half-built node or one routing by a topology meta has not recorded; {@link #close()} goes the
 * other way.
 */
public final class SlotraftNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlotraftNode.class);
  /** How often the leaders of shards with no replica here are asked again (they are also asked on a miss). */
  private static final long REMOTE_LEADER_REFRESH_MS = 250;
  /** How often the node reconciles to meta: starts replicas meta assigns here, takes a new epoch. */
  private static final long RECONCILE_INTERVAL_MS = 1_000;
  /** How often a meta leader checks whether meta still needs its Bootstrap. */
  private static final long BOOTSTRAP_CHECK_MS = 500;
  /** How long the data of a replica moved away stays under a {@code .removed-} name before it is deleted. */
  private static final long RETIRED_GRACE_MS = TimeUnit.HOURS.toMillis(1);

  static final int MAX_GRPC_MESSAGE_BYTES = 512 * 1024 * 1024 + 1024 * 1024;

  private final NodeConfig config;
  private final LongSupplier clock = System::currentTimeMillis;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("node-timers"));
  private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(daemon("snapshot-writer"));
  /** Encodes and sends gRPC replies in batches, off the Raft apply threads that finish commands. */
  private final ExecutorService grpcReplies = Executors.newFixedThreadPool(2, daemon("grpc-replies"));
  /** Checks whether blocked clients can go on, off the Raft apply thread. */
  private final ExecutorService blockedChecker = Executors.newSingleThreadExecutor(daemon("blocked-clients"));
  /** Reconciling may block on meta and on starting replicas: its own thread, off the shared timers. */
  private final ScheduledExecutorService reconcileTimer =
      Executors.newSingleThreadScheduledExecutor(daemon("meta-reconciler"));
  private final AtomicBoolean closed = new AtomicBoolean();
  private NodeLogStore logStore;
  private RaftTransport transport;
  private MetaHost metaHost;
  private MetaMemberChannels metaChannels;
  private NodeMetaSource metaSource;
  /** Runs the blocking calls that forward meta proposals to the meta members. */
  private final ExecutorService metaForwarding = Executors.newSingleThreadExecutor(daemon("meta-forwarding"));
  /** Hands shards' leadership to their preferred leaders (blocking while writes in flight finish). */
  private final ScheduledExecutorService leadershipTimer =
      Executors.newSingleThreadScheduledExecutor(daemon("leader-balancer"));
  /** Runs operations' steps (blocking membership calls) while this node leads meta. */
  private final ScheduledExecutorService operationsTimer =
      Executors.newSingleThreadScheduledExecutor(daemon("operations-driver"));
  private NodeDriverContext driverContext;
  private ReplicaReconciler reconciler;
  private ShardReplicas shardReplicas;
  private MetaProposer metaProposer;
  private PlacedShardRouter router;
  private RemoteLeaders remoteLeaders;
  private RespServer resp;
  private Server grpc;
  private TopologyWatch topologyWatch;
  private HttpEndpoints http;

  /** One bound on snapshot copying for every replica of this node (null: unbounded). */
  private final SnapshotCopyLimit snapshotCopies;

  public SlotraftNode(NodeConfig config) {
    this.config = config;
    this.snapshotCopies = SnapshotCopyLimit.mibPerSecond(config.snapshotCopyMbPerSec());
  }

  public SlotraftNode start() throws IOException {
    ClusterMember self = config.self();
    logStore = NodeLogStore.open(config.dataDir().resolve("raft-log"),
        damage -> LostLogMarker.markAll(replicaDirectories(), damage), clock);
    transport = new RaftTransport(self.host(), self.raftPort());
    transport.start();

    List<ClusterMember> metaMembers = MetaMembers.of(config.members());
    metaChannels = new MetaMemberChannels(metaMembers);
    ClusterTopology configuredPlan = BootstrapPlan.fromConfig(config.members(), config.shards(),
        config.replicationFactor());
    // Before meta starts: a damaged meta replica here asks meta's other voters to rebuild it.
    metaProposer = new MetaProposer(() -> metaHost.replica().orElse(null), metaChannels, self.nodeId(),
        metaForwarding);
    metaSource = startMeta(metaMembers, configuredPlan);

    remoteLeaders = new RemoteLeaders(Map.of());
    router = new PlacedShardRouter(ClusterTopology.NONE.placement(), List.of());
    LocalTopology topology = new LocalTopology(self, ClusterTopology.NONE.epoch(), List.of(self), router, remoteLeaders);
    shardReplicas = new ShardReplicas(config, clock, logStore, transport, snapshotCopies,
        new ShardReplicas.Executors(timers, blockedChecker, snapshotWriter), metaProposer, () -> reconciler.lastRead(),
        shardId -> router.localShards().stream().filter(shard -> shard.id().id().equals(shardId)).findFirst());
    Runnable join = () -> metaProposer.propose(MetaEntries.joinNode(self)).whenComplete((outcome, failure) ->
        LOG.info("asked meta to join: {}", failure != null ? failure.getMessage() : outcome.description()));
    reconciler = new ReplicaReconciler(self, configuredPlan, metaSource, shardReplicas::start, shardReplicas.retirer(), join,
        this::followMetaMembership, (meta, localShards) -> {
      // Members first: a leader named by a shard of the new placement must resolve to a member.
      topology.update(meta.epoch(), meta.members());
      router.update(meta.placement(), localShards);
      remoteLeaders.updateGroups(remoteGroups(meta));
    });
    // Client ports open only once this node serves meta's topology, never a guess of its own.
    ClusterTopology meta = reconciler.awaitFirstPass(Duration.ofSeconds(config.metaWaitSecs()), metaMembers);
    reconcileTimer.scheduleWithFixedDelay(reconciler, RECONCILE_INTERVAL_MS, RECONCILE_INTERVAL_MS,
        TimeUnit.MILLISECONDS);

    NodeRuntime runtime = new NodeRuntime(config, router, topology, clock);
    runtime.setMetaStatus(new NodeRuntime.MetaStatus(
        () -> metaHost.replica().filter(replica -> metaSource.votesHere()).map(MetaReplica::lastApplied)
            .orElseGet(reconciler::lastRead),
        () -> metaHost.replica().map(replica -> replica.isLeader() ? "leader"
            : metaSource.votesHere() ? "follower" : "learner").orElse("none")));
    CommandCatalog catalog = Catalogs.standard(runtime);
    runtime.setCatalog(catalog);
    NodeCommandDispatcher dispatcher =
        new NodeCommandDispatcher(catalog, runtime, new KeyRouting(router, topology, timers, maxLeaderWaitMs()), clock);
    CommandKinds kinds = CommandKinds.of(catalog);

    timers.scheduleWithFixedDelay(new ExpiryCycle(router::localShards, clock), 100, 100, TimeUnit.MILLISECONDS);
    SnapshotPolicy snapshotPolicy = new SnapshotPolicy(router::localShards, config.snapshotLogEntries());
    runtime.setConfigTable(NodeParameters.table(config, snapshotPolicy));
    timers.scheduleWithFixedDelay(snapshotPolicy, 1, 1, TimeUnit.SECONDS);
    timers.scheduleWithFixedDelay(remoteLeaders::refreshAll, 0, REMOTE_LEADER_REFRESH_MS, TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(new NodeReporter(self.nodeId(),
        () -> NodeReporter.replicas(router.localShards()), metaProposer::propose, clock), 0,
        NodeReporter.INTERVAL_MS, TimeUnit.MILLISECONDS);
    // Every node: meta's leadership may come here later (a drain moving a vote to this node).
    driverContext = new NodeDriverContext(clock);
    operationsTimer.scheduleWithFixedDelay(new OperationRunner(metaHost::isLeader,
        () -> metaHost.replica().map(MetaReplica::readLinearizable)
            .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException("no meta replica here"))),
        metaProposer::proposeAsLeader, driverContext), OperationRunner.INTERVAL_MS, OperationRunner.INTERVAL_MS,
        TimeUnit.MILLISECONDS);
    AutoSplitPolicy autoSplit = new AutoSplitPolicy(config.autoSplitKeys(), config.autoSplitBytes());
    if (autoSplit.enabled()) {
      operationsTimer.scheduleWithFixedDelay(new AutoSplitter(autoSplit, metaHost::isLeader,
          () -> metaHost.replica().map(MetaReplica::readLinearizable)
              .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException("no meta replica here"))),
          metaProposer::proposeAsLeader, () -> System.nanoTime() / 1_000_000), AutoSplitter.INTERVAL_MS,
          AutoSplitter.INTERVAL_MS, TimeUnit.MILLISECONDS);
    }
    timers.scheduleWithFixedDelay(() -> RetiredReplicas.purge(config.dataDir().resolve("shards"), RETIRED_GRACE_MS,
        clock.getAsLong()), 60, 600, TimeUnit.SECONDS);
    // Its own thread: a hand-over waits for the writes in flight, up to a few seconds. Scheduled with
    // one shard too, which it leaves alone: a split may make more.
    leadershipTimer.scheduleWithFixedDelay(new LeaderBalancer(router::localShards, router::placement, self,
        topology::member),
        LeaderBalancer.INTERVAL_MS, LeaderBalancer.INTERVAL_MS, TimeUnit.MILLISECONDS);

    topologyWatch = new TopologyWatch(runtime::cluster, TopologyWatch.DEFAULT_POLL_INTERVAL);
    NettyServerBuilder grpcBuilder = NettyServerBuilder.forAddress(new InetSocketAddress(self.host(), self.grpcPort()))
        .addService(new ClientGrpcService(dispatcher, kinds, clock, topology::epoch, grpcReplies))
        .callExecutor(ClientCallsInPlace.SUPPLIER)
        .addService(new TopologyGrpcService(runtime::cluster, topologyWatch))
        // Redis values go up to 512 MiB (proto-max-bulk-len); gRPC's default would cap them at 4 MiB.
        .addService(new MetaGrpcService(this::readMeta, metaProposer, this::describeReplica,
            new MetaGrpcService.ReshapeSteps() {
              @Override
              public CompletableFuture<SplitDone> split(SplitShardRequest request) {
                return localShard(request.getShardId()).thenCompose(shard -> shard.split(request.getSplitSlot(),
                    request.getNewShardId(), request.getOperationId()));
              }

              @Override
              public CompletableFuture<MergeStepDone> merge(MergeStepRequest request) {
                return localShard(request.getShardId()).thenCompose(shard -> shard.mergeStep(request))
                    .thenApply(index -> MergeStepDone.newBuilder().setIndex(index).build());
              }
            }))
        .maxInboundMessageSize(MAX_GRPC_MESSAGE_BYTES);
    grpc = grpcBuilder.build().start();
    resp = new RespServer(self.host(), self.respPort(), config.respThreads(),
        new RespServices(dispatcher, kinds, runtime.stats(), runtime.clientSet()));
    resp.start();
    http = new HttpEndpoints(self.host(), self.httpPort(),
        new HttpEndpoints.Content(runtime::healthy, runtime::statusJson, runtime::metricsText));
    http.start();
    LOG.info("node {} ({}) serving RESP {}:{}, gRPC {}, Raft {}, HTTP {}; meta epoch {}, {} replicas here", self.name(),
        self.nodeId(), self.host(), self.respPort(), self.grpcPort(), self.raftPort(), self.httpPort(), meta.epoch(),
        router.localShards().size());
    return this;
  }

  /**
   * How long a Redis client's command waits for its shard to have a leader before TRYAGAIN: an
   * election takes one to two election timeouts and a vote; five cover it on a loaded machine, and
   * stay below the 5-60 s command timeouts Redis clients are usually given.
   */
  private long maxLeaderWaitMs() {
    return 5L * config.electionTimeoutMs();
  }

  /**
   * Configured meta members start their meta replica (and, while meta is empty, propose Bootstrap
   * when they lead it), and so does a node with meta data from before (a vote moved here); every
   * node reads meta through a {@link NodeMetaSource}, which asks meta's voters when this node is none.
   * Later the reconciler starts or retires the replica as meta's own membership changes ({@link
   * #followMetaMembership}).
   */
  private NodeMetaSource startMeta(List<ClusterMember> metaMembers, ClusterTopology configuredPlan)
      throws IOException {
    ClusterMember self = config.self();
    metaHost = new MetaHost(this::startMetaReplica, this::retireMetaReplica);
    boolean configured = MetaMembers.includes(config.members(), self.nodeId());
    if (configured || LocalReplicaFiles.hasRaftMeta(metaDirectory())) {
      MetaReplica replica = metaHost.ensureRunning(metaMembers);
      if (configured) {
        timers.scheduleWithFixedDelay(new MetaBootstrapper(replica, configuredPlan, self.nodeId()), 0,
            BOOTSTRAP_CHECK_MS, TimeUnit.MILLISECONDS);
      }
    } else {
      LOG.info("meta runs on {}; this node reads it from them", metaMembers.stream().map(ClusterMember::name).toList());
    }
    return new NodeMetaSource(metaHost, new RemoteMetaSource(metaChannels, self.nodeId()), self.nodeId());
  }

  /** Starts or retires this node's meta replica as meta lists it, and asks meta's current voters. */
  private void followMetaMembership(ClusterTopology topology) throws IOException {
    metaChannels.update(topology.metaVoters());
    if (topology.runsMeta(config.self().nodeId())) {
      metaHost.ensureRunning(topology.metaVoters());
    } else {
      metaHost.retire();
    }
  }

  /** Sets the data of this node's stopped meta replica aside: its log first, then its directory. */
  private void retireMetaReplica() throws IOException {
    logStore.dropGroup(MetaReplica.GROUP_ID);
    RetiredReplicas.setAside(metaDirectory(), clock.getAsLong());
  }

  /**
   * Starts this node's meta replica; one whose data here is damaged is rebuilt through meta as a
   * shard replica is ({@link MetaReplicaRebuild}), which blocks until meta's other voters have taken
   * it out of the group or {@code --meta-wait-secs} runs out, since the node cannot serve without meta.
   */
  private MetaReplica startMetaReplica(List<ClusterMember> metaMembers) throws IOException {
    Path directory = metaDirectory();
    ReplicaStart<MetaReplica> attempt = ReplicaStart.unlessDamaged(directory, logStore, MetaReplica.GROUP_ID,
        () -> startMetaReplica(metaMembers, directory));
    if (attempt.started() != null) {
      return attempt.started();
    }
    ClusterMember self = config.self();
    // Empty and outside the group: its initial peers are the others, so it never campaigns on its own.
    List<ClusterMember> others = metaMembers.stream().filter(m -> !m.nodeId().equals(self.nodeId())).toList();
    MetaReplicaRebuild.Rebuilt fresh = new MetaReplicaRebuild(self.nodeId(),
        new RemoteMetaSource(metaChannels, self.nodeId()), metaProposer, logStore, clock)
        .rebuild(directory, attempt.damage(), config.metaWaitSecs(), () -> startMetaReplica(others, directory));
    RebuiltReplicaReport.whenVoting(timers, MetaReplica.GROUP_ID, fresh.replica()::raftReplica, fresh.operationId(),
        () -> reconciler == null ? MetaState.EMPTY : reconciler.lastRead());
    return fresh.replica();
  }

  /** @param initialPeers meta's voters when the directory is new */
  private MetaReplica startMetaReplica(List<ClusterMember> initialPeers, Path directory) throws IOException {
    return followingEpochs(MetaReplica.start(transport, logStore, config.self(), initialPeers, directory,
        config.electionTimeoutMs(), config.snapshotIntervalSecs(), snapshotWriter));
  }

  /** A new epoch applied by this node's meta replica starts a reconcile pass at once. */
  private MetaReplica followingEpochs(MetaReplica replica) {
    replica.onNewEpoch(() -> {
      ReplicaReconciler passes = reconciler;
      if (passes != null) {
        passes.requestPass(reconcileTimer);
      }
    });
    return replica;
  }

  private Path metaDirectory() {
    return config.dataDir().resolve("meta");
  }

  /** Every replica directory on this node (meta's and each shard's), whatever meta assigns now. */
  private List<Path> replicaDirectories() throws IOException {
    List<Path> directories = new ArrayList<>();
    directories.add(metaDirectory());
    Path shards = config.dataDir().resolve("shards");
    if (Files.isDirectory(shards)) {
      try (var entries = Files.list(shards)) {
        entries.filter(Files::isDirectory)
            .filter(p -> !p.getFileName().toString().contains(DamagedCopy.ASIDE_MARK))
            .forEach(directories::add);
      }
    }
    return directories;
  }

  /**
   * Meta's state after a ReadIndex: from this node's meta replica, or asked of the meta members (off
   * the caller's thread: that read blocks).
   */
  private CompletableFuture<MetaState> readMeta() {
    Optional<MetaReplica> local = metaHost.replica();
    if (local.isPresent() && metaSource.votesHere()) {
      // An election in meta fails this read: then ask the other voters, as a node without a vote does.
      return local.get().readLinearizable().exceptionallyCompose(failure -> readMetaRemotely());
    }
    return readMetaRemotely();
  }

  private CompletableFuture<MetaState> readMetaRemotely() {
    return CompletableFuture.supplyAsync(() -> metaSource.read()
        .orElseThrow(() -> new IllegalStateException("no meta member answered")), metaForwarding);
  }

  /** This node's replica of {@code shardId}, for a split's or merge's step; NOT_LEADER when it runs none. */
  private CompletableFuture<Shard> localShard(String shardId) {
    Optional<Shard> shard = router.localShards().stream().filter(s -> s.id().id().equals(shardId)).findFirst();
    return shard.map(CompletableFuture::completedFuture).orElseGet(() -> CompletableFuture.failedFuture(
        new ProposalException(ProposalException.Kind.NOT_LEADER, "this node runs no replica of " + shardId)));
  }

  /** This node's own replica of {@code groupId} (a shard's, or meta's), for the operations driver. */
  private Optional<ReplicaDescription> describeReplica(String groupId) {
    RaftReplica<?> replica = null;
    long snapshotIndex = 0;
    if (MetaReplica.GROUP_ID.equals(groupId)) {
      replica = metaHost.replica().map(MetaReplica::raftReplica).orElse(null);
    } else if (router != null) {
      Optional<Shard> shard = router.localShards().stream().filter(s -> s.id().groupId().equals(groupId))
          .filter(s -> s.replica() != null).findFirst();
      replica = shard.map(Shard::replica).orElse(null);
      snapshotIndex = shard.map(Shard::lastSnapshotIndex).orElse(0L);
    }
    if (replica == null) {
      return Optional.empty();
    }
    return Optional.of(ReplicaDescription.newBuilder().setGroupId(groupId).setLeader(replica.isLeader())
        .setAppliedIndex(replica.lastAppliedIndex()).setCommittedIndex(replica.lastCommittedIndex())
        .setSnapshotIndex(snapshotIndex).setBytesOnDisk(replica.snapshotBytesOnDisk())
        .addAllVoters(replica.peerEndpoints()).addAllLearners(replica.learnerEndpoints()).build());
  }

  /** The Raft peers of every shard with no replica here, by group id: where to ask for its leader. */
  private Map<String, List<String>> remoteGroups(ClusterTopology meta) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ShardPlacement shard : meta.placement().shards()) {
      if (!shard.hasReplicaOn(config.self().nodeId())) {
        groups.put(ShardId.of(shard).groupId(), meta.raftEndpoints(shard));
      }
    }
    return groups;
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return; // native resources (the log store) must not be released twice
    }
    closeQuietly(resp);
    // Before the server: watch streams never end by themselves, and would hold it open.
    closeQuietly(topologyWatch);
    if (grpc != null) {
      grpc.shutdown();
    }
    closeQuietly(http);
    timers.shutdownNow();
    operationsTimer.shutdownNow();
    leadershipTimer.shutdownNow();
    closeQuietly(driverContext);
    // A pass may be starting a replica: let it finish, so that no replica starts after the transport closes.
    reconcileTimer.shutdown();
    awaitQuietly(reconcileTimer);
    closeQuietly(metaSource);
    metaForwarding.shutdownNow();
    closeQuietly(metaChannels);
    closeQuietly(remoteLeaders);
    if (router != null) {
      for (Shard shard : router.localShards()) {
        if (shard.replica() != null) {
          shard.replica().close();
        }
      }
    }
    closeQuietly(metaHost);
    if (grpc != null) {
      // Client streams never end by themselves: cut them, so clients see the node go and move on.
      grpc.shutdownNow();
    }
    grpcReplies.shutdownNow();
    closeQuietly(transport);
    // Last: every group that appends to it has stopped.
    closeQuietly(logStore);
    snapshotWriter.shutdown();
    // A split's seed being written finishes rather than leave the split to be replayed at the next start.
    awaitQuietly(snapshotWriter);
    blockedChecker.shutdownNow();
    LOG.info("node {} stopped", config.self().name());
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("error while stopping {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
