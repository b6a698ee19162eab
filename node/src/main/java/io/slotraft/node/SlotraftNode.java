package io.slotraft.node;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.config.NodeConfig;
import io.slotraft.node.dispatch.KeyRouting;
import io.slotraft.node.dispatch.NodeCommandDispatcher;
import io.slotraft.node.grpc.ClientGrpcService;
import io.slotraft.node.grpc.TopologyGrpcService;
import io.slotraft.node.grpc.TopologyWatch;
import io.slotraft.node.http.HttpEndpoints;
import io.slotraft.node.leadership.LeaderBalancer;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.PlacementPlanner;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.node.raft.RaftTransport;
import io.slotraft.node.raft.RemoteLeaders;
import io.slotraft.node.raft.ReplicaOptions;
import io.slotraft.node.resp.RespServer;
import io.slotraft.node.resp.RespServices;
import io.slotraft.node.routing.LocalTopology;
import io.slotraft.node.routing.PlacedShardRouter;
import io.slotraft.node.shard.BlockedClients;
import io.slotraft.node.shard.ExpiryCycle;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.shard.SnapshotPolicy;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: its Raft transport and shard replicas, and the RESP, gRPC and HTTP ports in front
 * of them. Start order is inside-out (Raft first, client ports last) so that no client reaches a
 * half-built node; {@link #close()} goes the other way.
 */
public final class SlotraftNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlotraftNode.class);
  /** How often the leaders of shards with no replica here are asked again (they are also asked on a miss). */
  private static final long REMOTE_LEADER_REFRESH_MS = 1_000;

  static final int MAX_GRPC_MESSAGE_BYTES = 512 * 1024 * 1024 + 1024 * 1024;

  private final NodeConfig config;
  private final LongSupplier clock = System::currentTimeMillis;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("node-timers"));
  private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(daemon("snapshot-writer"));
  /** Checks whether blocked clients can go on, off the Raft apply thread. */
  private final ExecutorService blockedChecker = Executors.newSingleThreadExecutor(daemon("blocked-clients"));
  private RaftTransport transport;
  private final List<Shard> shards = new ArrayList<>();
  private RemoteLeaders remoteLeaders;
  private RespServer resp;
  private Server grpc;
  private TopologyWatch topologyWatch;
  private HttpEndpoints http;

  public SlotraftNode(NodeConfig config) {
    this.config = config;
  }

  public SlotraftNode start() throws IOException {
    ClusterMember self = config.self();
    transport = new RaftTransport(self.host(), self.raftPort());
    transport.start();

    Placement placement = PlacementPlanner.plan(config.members().stream().map(ClusterMember::nodeId).toList(),
        config.shards(), config.replicationFactor());
    for (ShardPlacement assigned : placement.shardsOn(self.nodeId())) {
      shards.add(startShard(assigned));
    }
    remoteLeaders = new RemoteLeaders(remoteGroups(placement));
    PlacedShardRouter router = new PlacedShardRouter(placement, shards);
    LocalTopology topology = new LocalTopology(self, config.members(), router, remoteLeaders);
    NodeRuntime runtime = new NodeRuntime(config, router, topology, clock);
    CommandCatalog catalog = Catalogs.standard(runtime);
    runtime.setCatalog(catalog);
    NodeCommandDispatcher dispatcher =
        new NodeCommandDispatcher(catalog, runtime, new KeyRouting(router, topology, timers, maxLeaderWaitMs()), clock);
    ClientGrpcService.CommandKinds kinds = argv -> {
      var spec = catalog.lookup(new String(argv.get(0), StandardCharsets.UTF_8));
      return spec != null && spec.isWrite();
    };

    timers.scheduleWithFixedDelay(new ExpiryCycle(router::localShards, clock), 100, 100, TimeUnit.MILLISECONDS);
    SnapshotPolicy snapshotPolicy = new SnapshotPolicy(router::localShards, config.snapshotLogEntries());
    runtime.setConfigTable(NodeParameters.table(config, snapshotPolicy));
    timers.scheduleWithFixedDelay(snapshotPolicy, 1, 1, TimeUnit.SECONDS);
    timers.scheduleWithFixedDelay(remoteLeaders::refreshAll, 0, REMOTE_LEADER_REFRESH_MS, TimeUnit.MILLISECONDS);
    if (placement.shards().size() > 1) {
      // With one shard any leader is as balanced as another: moving it would only interrupt clients.
      timers.scheduleWithFixedDelay(new LeaderBalancer(router::localShards, placement, self, config.members()),
          LeaderBalancer.INTERVAL_MS, LeaderBalancer.INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    topologyWatch = new TopologyWatch(runtime::cluster, TopologyWatch.DEFAULT_POLL_INTERVAL);
    grpc = NettyServerBuilder.forAddress(new InetSocketAddress(self.host(), self.grpcPort()))
        .addService(new ClientGrpcService(dispatcher, kinds, clock, topology::epoch))
        .addService(new TopologyGrpcService(runtime::cluster, topologyWatch))
        // Redis values go up to 512 MiB (proto-max-bulk-len); gRPC's default would cap them at 4 MiB.
        .maxInboundMessageSize(MAX_GRPC_MESSAGE_BYTES)
        .build()
        .start();
    resp = new RespServer(self.host(), self.respPort(), config.respThreads(),
        new RespServices(dispatcher, kinds::isWrite, runtime.stats(), runtime.clientSet()));
    resp.start();
    http = new HttpEndpoints(self.host(), self.httpPort(),
        new HttpEndpoints.Content(runtime::healthy, runtime::statusJson, runtime::metricsText));
    http.start();
    LOG.info("node {} ({}) serving RESP {}:{}, gRPC {}, Raft {}, HTTP {}", self.name(), self.nodeId(), self.host(),
        self.respPort(), self.grpcPort(), self.raftPort(), self.httpPort());
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

  /** Starts (or restarts from its directory) this node's replica of one shard of the placement. */
  private Shard startShard(ShardPlacement assigned) throws IOException {
    ShardId id = ShardId.of(assigned);
    Shard created = new Shard(id, new ShardStateMachine(Catalogs.keyspaceOnly()), new SstSnapshotStore(), clock,
        config.maxInflightWrites());
    created.attachBlocked(new BlockedClients(created::anyKeyHasValue, timers, blockedChecker));
    ReplicaOptions options = new ReplicaOptions(config.electionTimeoutMs(), config.snapshotIntervalSecs(),
        config.maxInflightWrites());
    RaftReplica replica = RaftReplica.start(transport, id.groupId(), config.self().raftEndpoint(),
        raftEndpoints(assigned), config.dataDir().resolve("shards").resolve(id.id()), options, created, snapshotWriter);
    created.attach(replica);
    return created;
  }

  /** The Raft peers of every shard with no replica here, by group id: where to ask for its leader. */
  private Map<String, List<String>> remoteGroups(Placement placement) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ShardPlacement shard : placement.shards()) {
      if (!shard.hasReplicaOn(config.self().nodeId())) {
        groups.put(ShardId.of(shard).groupId(), raftEndpoints(shard));
      }
    }
    return groups;
  }

  private List<String> raftEndpoints(ShardPlacement shard) {
    return shard.replicaNodeIds().stream()
        .map(nodeId -> config.members().stream().filter(m -> m.nodeId().equals(nodeId)).findFirst().orElseThrow())
        .map(ClusterMember::raftEndpoint)
        .toList();
  }

  @Override
  public void close() {
    closeQuietly(resp);
    // Before the server: watch streams never end by themselves, and would hold it open.
    closeQuietly(topologyWatch);
    if (grpc != null) {
      grpc.shutdown();
    }
    closeQuietly(http);
    timers.shutdownNow();
    closeQuietly(remoteLeaders);
    for (Shard shard : shards) {
      if (shard.replica() != null) {
        shard.replica().close();
      }
    }
    closeQuietly(transport);
    snapshotWriter.shutdown();
    blockedChecker.shutdownNow();
    LOG.info("node {} stopped", config.self().name());
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
