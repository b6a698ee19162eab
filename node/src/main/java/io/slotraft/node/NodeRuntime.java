package io.slotraft.node;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.config.NodeConfig;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.persistence.SnapshotControl;
import io.slotraft.node.routing.LocalTopology;
import io.slotraft.node.routing.MasterShards;
import io.slotraft.node.routing.ShardRouter;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.ConfigTable;
import io.slotraft.node.session.NodeServices;
import io.slotraft.node.session.ServerStats;
import io.slotraft.node.shard.BlockedClients;
import io.slotraft.node.shard.Shard;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** What the running node tells its commands and endpoints about itself: topology, stats, clients, facts. */
final class NodeRuntime implements NodeServices, SnapshotControl {
  private final NodeConfig config;
  private final ShardRouter router;
  private final LocalTopology topology;
  private final ServerStats stats;
  private final LongSupplier clock;
  private final Set<ClientSession> clients = ConcurrentHashMap.newKeySet();
  private CommandCatalog catalog;
  private ConfigTable configTable;
  private MetaStatus metaStatus;

  /**
   * What this node knows of meta, for INFO and /status.
   *
   * @param state meta's state: a meta member's own replica, else the last read from the meta members
   * @param role this node's meta replica: leader, follower, or none
   */
  record MetaStatus(Supplier<MetaState> state, Supplier<String> role) {}

  NodeRuntime(NodeConfig config, ShardRouter router, LocalTopology topology, LongSupplier clock) {
    this.config = config;
    this.router = router;
    this.topology = topology;
    this.clock = clock;
    this.stats = new ServerStats(clock.getAsLong());
  }

  /** The catalog names this runtime's SAVE handler, so it is set once both exist. */
  void setCatalog(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  void setMetaStatus(MetaStatus metaStatus) {
    this.metaStatus = metaStatus;
  }

  /** The CONFIG parameters; built once the snapshot policy they can change exists. */
  void setConfigTable(ConfigTable configTable) {
    this.configTable = configTable;
  }

  @Override
  public ConfigTable config() {
    return configTable;
  }

  Set<ClientSession> clientSet() {
    return clients;
  }

  @Override
  public CommandCatalog catalog() {
    return catalog;
  }

  @Override
  public ClusterView cluster() {
    return topology.view();
  }

  @Override
  public ServerStats stats() {
    return stats;
  }

  @Override
  public Collection<ClientSession> clients() {
    return clients;
  }

  @Override
  public long countKeysInSlot(int slot) {
    return router.localShard(slot).map(shard -> shard.withStateMachine(sm -> (long) sm.keyspace().countInSlot(slot)))
        .orElse(0L);
  }

  @Override
  public List<byte[]> keysInSlot(int slot, int count) {
    return router.localShard(slot)
        .map(shard -> shard.withStateMachine(sm -> sm.keyspace().keysInSlot(slot, count, sm.readTime(clock.getAsLong()))))
        .orElse(List.of());
  }

  @Override
  public long nowMs() {
    return clock.getAsLong();
  }

  @Override
  public Map<String, Map<String, String>> infoFacts() {
    Map<String, Map<String, String>> facts = new LinkedHashMap<>();
    Map<String, String> server = new LinkedHashMap<>();
    server.put("process_id", Long.toString(ProcessHandle.current().pid()));
    server.put("run_id", config.self().nodeId());
    server.put("tcp_port", Integer.toString(config.self().respPort()));
    server.put("slotraft_node_name", config.self().name());
    server.put("slotraft_grpc_port", Integer.toString(config.self().grpcPort()));
    server.put("slotraft_raft_port", Integer.toString(config.self().raftPort()));
    server.put("slotraft_data_dir", config.dataDir().toAbsolutePath().toString());
    facts.put("server", server);
    facts.put("clients", Map.of("blocked_clients", Integer.toString(router.localShards().stream()
        .map(Shard::blocked).filter(java.util.Objects::nonNull).mapToInt(BlockedClients::size).sum())));
    facts.put("persistence", persistence());
    facts.put("replication", replication());
    facts.put("keyspace", keyspace());
    facts.put("cluster", metaFields());
    return facts;
  }

  /** INFO cluster's meta fields: which topology this node follows and that meta was bootstrapped once. */
  private Map<String, String> metaFields() {
    MetaState meta = metaStatus.state().get();
    Map<String, String> section = new LinkedHashMap<>();
    section.put("meta_epoch", Long.toString(meta.epoch()));
    section.put("meta_bootstrapped", meta.bootstrapped() ? "1" : "0");
    section.put("meta_bootstrap_index", Long.toString(meta.bootstrapIndex()));
    section.put("meta_applied_bootstraps", Long.toString(meta.appliedBootstraps()));
    section.put("meta_ignored_bootstraps", Long.toString(meta.ignoredBootstraps()));
    section.put("meta_role", metaStatus.role().get());
    return section;
  }

  private Map<String, String> persistence() {
    long pending = router.localShards().stream().mapToLong(Shard::entriesSinceSnapshot).sum();
    Map<String, String> section = new LinkedHashMap<>();
    section.put("loading", "0");
    section.put("rdb_changes_since_last_save", Long.toString(pending));
    section.put("rdb_last_save_time", Long.toString(lastSnapshotUnixSeconds()));
    section.put("rdb_last_bgsave_status", "ok");
    section.put("aof_enabled", "0");
    section.put("slotraft_raft_log_fsync", "always");
    return section;
  }

  /**
   * Redis's replication section for this node's role (see {@link MasterShards}): a master lists the
   * other nodes holding replicas of the shards it leads; a replica names its one master. Offsets
   * are Raft applied indexes summed over the shards concerned: they only grow, which is all that
   * tools compare.
   */
  private Map<String, String> replication() {
    List<Shard> led = router.localShards().stream().filter(Shard::isLeader).toList();
    List<Shard> mastered = MasterShards.of(router.localShards());
    long offset = mastered.stream().mapToLong(shard -> shard.replica().lastAppliedIndex()).sum();
    boolean replicaNode = led.isEmpty() && !mastered.isEmpty();
    Map<String, String> section = replicaNode
        ? replicaSection(topology.leaderOf(mastered.get(0)), offset)
        : masterSection(led, offset);
    section.put("master_repl_offset", Long.toString(offset));
    return section;
  }

  private Map<String, String> masterSection(List<Shard> led, long offset) {
    Map<String, String> section = new LinkedHashMap<>();
    section.put("role", "master");
    Set<String> followers = new LinkedHashSet<>();
    led.forEach(shard -> router.placement().shard(shard.id().id())
        .ifPresent(placed -> followers.addAll(placed.replicaNodeIds())));
    followers.remove(config.self().nodeId());
    List<ClusterMember> replicas = followers.stream().map(topology::member).flatMap(Optional::stream).toList();
    section.put("connected_slaves", Integer.toString(replicas.size()));
    for (int i = 0; i < replicas.size(); i++) {
      ClusterMember m = replicas.get(i);
      section.put("slave" + i, "ip=" + m.host() + ",port=" + m.respPort() + ",state=online,offset=" + offset + ",lag=0");
    }
    return section;
  }

  private static Map<String, String> replicaSection(Optional<ClusterMember> master, long offset) {
    Map<String, String> section = new LinkedHashMap<>();
    section.put("role", "slave");
    master.ifPresentOrElse(m -> {
      section.put("master_host", m.host());
      section.put("master_port", Integer.toString(m.respPort()));
      section.put("master_link_status", "up");
    }, () -> section.put("master_link_status", "down"));
    section.put("slave_repl_offset", Long.toString(offset));
    return section;
  }

  /** The keys this node answers for as a Redis Cluster node ({@link MasterShards}), like DBSIZE. */
  private Map<String, String> keyspace() {
    long keys = 0;
    long expires = 0;
    for (Shard shard : MasterShards.of(router.localShards())) {
      // One lock for both counts, so they describe the same moment.
      long[] counts = shard.withStateMachine(sm -> new long[] {sm.keyspace().size(), sm.keyspace().expiringKeyCount()});
      keys += counts[0];
      expires += counts[1];
    }
    Map<String, String> section = new LinkedHashMap<>();
    if (keys > 0) {
      section.put("db0", "keys=" + keys + ",expires=" + expires + ",avg_ttl=0");
    }
    return section;
  }

  @Override
  public CompletableFuture<Void> snapshotAll() {
    return CompletableFuture.allOf(router.localShards().stream()
        .map(shard -> shard.replica().snapshot())
        .toArray(CompletableFuture[]::new));
  }

  @Override
  public long lastSnapshotUnixSeconds() {
    long newest = router.localShards().stream().mapToLong(Shard::lastSnapshotMs).max().orElse(0);
    return (newest > 0 ? newest : stats.startedAtMs()) / 1000;
  }

  /** True when every shard of the cluster has a known leader: the node can serve or redirect every slot. */
  boolean healthy() {
    return router.placement().shards().stream().allMatch(shard -> topology.leaderOf(shard).isPresent());
  }

  String statusJson() {
    MetaState meta = metaStatus.state().get();
    StringBuilder json = new StringBuilder("{\"node\":\"").append(config.self().name())
        .append("\",\"node_id\":\"").append(config.self().nodeId())
        .append("\",\"meta_epoch\":").append(meta.epoch())
        .append(",\"meta_bootstrapped\":").append(meta.bootstrapped())
        .append(",\"meta_bootstrap_index\":").append(meta.bootstrapIndex())
        .append(",\"meta_applied_bootstraps\":").append(meta.appliedBootstraps())
        .append(",\"meta_ignored_bootstraps\":").append(meta.ignoredBootstraps())
        .append(",\"meta_role\":\"").append(metaStatus.role().get())
        .append("\",\"shards\":[");
    String separator = "";
    for (Shard shard : router.localShards()) {
      json.append(separator).append("{\"shard\":\"").append(shard.id().id())
          .append("\",\"slots\":\"").append(shard.id().slotStart()).append('-').append(shard.id().slotEnd())
          .append("\",\"role\":\"").append(shard.isLeader() ? "leader" : "follower")
          .append("\",\"leader\":\"").append(topology.leaderOf(shard).map(m -> m.name()).orElse(""))
          .append("\",\"preferred_leader\":\"").append(preferredLeaderName(shard))
          .append("\",\"applied_index\":").append(shard.replica().lastAppliedIndex())
          .append(",\"snapshot_index\":").append(shard.lastSnapshotIndex())
          .append('}');
      separator = ",";
    }
    return json.append("]}\n").toString();
  }

  private String preferredLeaderName(Shard shard) {
    return router.placement().shard(shard.id().id())
        .flatMap(p -> topology.member(p.preferredLeader())).map(ClusterMember::name).orElse("");
  }

  String metricsText() {
    StringBuilder text = new StringBuilder();
    text.append("# TYPE slotraft_commands_total counter\n");
    stats.perCommand().forEach((name, stat) ->
        text.append("slotraft_commands_total{command=\"").append(name).append("\"} ").append(stat.calls()).append('\n'));
    text.append("# TYPE slotraft_connected_clients gauge\nslotraft_connected_clients ").append(clients.size()).append('\n');
    MetaState meta = metaStatus.state().get();
    text.append("# TYPE slotraft_meta_epoch gauge\nslotraft_meta_epoch ").append(meta.epoch()).append('\n');
    text.append("# TYPE slotraft_meta_applied_bootstraps gauge\nslotraft_meta_applied_bootstraps ")
        .append(meta.appliedBootstraps()).append('\n');
    text.append("# TYPE slotraft_meta_leader gauge\nslotraft_meta_leader ")
        .append(metaStatus.role().get().equals("leader") ? 1 : 0).append('\n');
    text.append("# TYPE slotraft_shard_leader gauge\n# TYPE slotraft_shard_keys gauge\n# TYPE slotraft_shard_applied_index gauge\n");
    for (Shard shard : router.localShards()) {
      String label = "{shard=\"" + shard.id().id() + "\"}";
      text.append("slotraft_shard_leader").append(label).append(' ').append(shard.isLeader() ? 1 : 0).append('\n');
      text.append("slotraft_shard_keys").append(label).append(' ')
          .append((int) shard.withStateMachine(sm -> sm.keyspace().size())).append('\n');
      text.append("slotraft_shard_applied_index").append(label).append(' ').append(shard.replica().lastAppliedIndex()).append('\n');
    }
    return text.toString();
  }
}
