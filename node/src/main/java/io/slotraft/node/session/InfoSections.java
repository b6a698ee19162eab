package io.slotraft.node.session;

import io.slotraft.node.cluster.ClusterView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields INFO shows for each of Redis's sections before the node's own facts are merged in.
 * Figures Slotraft does not measure are 0, as a fresh Redis shows them, so that tools parsing
 * INFO find every field they expect.
 */
final class InfoSections {
  private InfoSections() {}

  /** Every section, in Redis's order, by lower-case name. */
  static Map<String, Map<String, String>> of(NodeServices node) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    sections.put("server", server(node));
    sections.put("clients", fields("connected_clients", Integer.toString(node.clients().size()),
        "cluster_connections", "0", "blocked_clients", "0", "tracking_clients", "0"));
    sections.put("memory", ProcessInfo.memory());
    sections.put("persistence", persistence(node.stats()));
    sections.put("stats", stats(node.stats()));
    sections.put("replication", fields("role", "master", "connected_slaves", "0",
        "master_failover_state", "no-failover", "master_repl_offset", "0"));
    sections.put("cpu", ProcessInfo.cpu());
    sections.put("commandstats", commandStats(node.stats()));
    sections.put("cluster", fields("cluster_enabled", "1"));
    sections.put("keyspace", new LinkedHashMap<>());
    return sections;
  }

  private static Map<String, String> server(NodeServices node) {
    long nowMs = node.nowMs();
    long uptimeSeconds = Math.max(0, (nowMs - node.stats().startedAtMs()) / 1000);
    Map<String, String> fields = fields("redis_version", ServerIdentity.REDIS_VERSION,
        "redis_git_sha1", "00000000", "redis_git_dirty", "0", "redis_mode", "cluster",
        "os", ProcessInfo.os(), "arch_bits", ProcessInfo.archBits(),
        "process_id", Long.toString(ProcessInfo.pid()), "process_supervised", "no",
        "run_id", ServerIdentity.RUN_ID);
    ClusterView view = node.cluster();
    if (view != null && view.self() != null) {
      fields.put("tcp_port", Integer.toString(view.self().respPort()));
    }
    fields.put("server_time_usec", Long.toString(nowMs * 1000));
    fields.put("uptime_in_seconds", Long.toString(uptimeSeconds));
    fields.put("uptime_in_days", Long.toString(uptimeSeconds / 86_400));
    fields.put("slotraft_version", ServerIdentity.slotraftVersion());
    fields.put("java_version", System.getProperty("java.version"));
    return fields;
  }

  /**
   * Durability comes from the fsynced Raft log, not from RDB or AOF, so those are reported idle
   * and healthy; the node's facts add what its snapshots and logs really do.
   */
  private static Map<String, String> persistence(ServerStats stats) {
    return fields("loading", "0", "async_loading", "0", "rdb_changes_since_last_save", "0",
        "rdb_bgsave_in_progress", "0", "rdb_last_save_time", Long.toString(stats.startedAtMs() / 1000),
        "rdb_last_bgsave_status", "ok", "aof_enabled", "0", "aof_rewrite_in_progress", "0",
        "aof_rewrite_scheduled", "0", "aof_last_bgrewrite_status", "ok", "aof_last_write_status", "ok");
  }

  private static Map<String, String> stats(ServerStats stats) {
    long failed = stats.perCommand().values().stream().mapToLong(ServerStats.CommandStat::failed).sum();
    return fields("total_connections_received", Long.toString(stats.connectionsReceived()),
        "total_commands_processed", Long.toString(stats.commandsProcessed()),
        "instantaneous_ops_per_sec", "0", "total_net_input_bytes", "0", "total_net_output_bytes", "0",
        "instantaneous_input_kbps", "0.00", "instantaneous_output_kbps", "0.00",
        "rejected_connections", Long.toString(stats.rejectedConnections()),
        "sync_full", "0", "sync_partial_ok", "0", "sync_partial_err", "0",
        "expired_keys", "0", "evicted_keys", "0", "keyspace_hits", "0", "keyspace_misses", "0",
        "pubsub_channels", "0", "pubsub_patterns", "0", "pubsub_shardchannels", "0",
        "total_error_replies", Long.toString(failed));
  }

  /** One line per command called at least once, sorted by name so that the output is stable. */
  private static Map<String, String> commandStats(ServerStats stats) {
    Map<String, String> fields = new LinkedHashMap<>();
    new TreeMap<>(stats.perCommand()).forEach((name, stat) -> {
      double perCall = stat.calls() == 0 ? 0 : (double) stat.micros() / stat.calls();
      fields.put("cmdstat_" + safe(name), String.format(Locale.ROOT,
          "calls=%d,usec=%d,usec_per_call=%.2f,rejected_calls=0,failed_calls=%d",
          stat.calls(), stat.micros(), perCall, stat.failed()));
    });
    return fields;
  }

  /** A name may not break INFO's line format: Redis turns '#', ':' and line breaks into '_'. */
  static String safe(String name) {
    return name.replaceAll("[#:\r\n]", "_");
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> list = List.of(namesAndValues);
    for (int i = 0; i < list.size(); i += 2) {
      fields.put(list.get(i), list.get(i + 1));
    }
    return fields;
  }
}
