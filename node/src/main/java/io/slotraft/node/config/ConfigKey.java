package io.slotraft.node.config;

import java.util.Locale;

/**
 * Every setting of a node, once: its name in a config file and on the command line ({@code
 * --resp-port}), its environment variable ({@code SLOTRAFT_RESP_PORT}), default and help text.
 */
public enum ConfigKey {
  NAME("name", null, "This node's name. A name in --members makes it one of the bootstrap members; any other "
      + "name makes it a node that joins the running cluster, which must then be given --host and all four ports."),
  CLUSTER_NAME("cluster-name", "slotraft", "Cluster name; node ids are derived from it and the node name."),
  HOST("host", null, "Address to bind and advertise (default: this node's host in --members; required for a "
      + "joining node)."),
  RESP_PORT("resp-port", null, "Redis protocol port (default: from --members; required for a joining node)."),
  GRPC_PORT("grpc-port", null, "gRPC client port (default: from --members; required for a joining node)."),
  RAFT_PORT("raft-port", null, "Raft port (default: from --members; required for a joining node)."),
  HTTP_PORT("http-port", null, "HTTP port for /health and /metrics (default: from --members; required for a "
      + "joining node)."),
  DATA_DIR("data-dir", null, "Directory for this node's Raft logs, snapshots and identity."),
  MEMBERS("members", null, "The cluster's bootstrap members, name@host:resp:grpc:raft:http, comma separated, the "
      + "same list in the same order on every node: meta is bootstrapped from it, and a node not in it (one that "
      + "joins the running cluster) first asks these nodes for meta."),
  ELECTION_TIMEOUT_MS("election-timeout-ms", "1000", "Raft election timeout in milliseconds."),
  SNAPSHOT_INTERVAL_SECS("snapshot-interval-secs", "3600", "Take a snapshot at least this often (0: never by time)."),
  SNAPSHOT_LOG_ENTRIES("snapshot-log-entries", "500000", "Take a snapshot after this many applied entries (0: never by size)."),
  MAX_INFLIGHT_WRITES("max-inflight-writes", "8192", "Writes queued or in flight per shard before new ones get TRYAGAIN."),
  READ_MODE("read-mode", "readindex", "How a shard leader proves a read linearizable: readindex (a batched "
      + "heartbeat round to a majority) or lease (the leader's lease, checked before and after the read; assumes the "
      + "nodes' clocks advance at rates within 10% of each other)."),
  RESP_THREADS("resp-threads", "2", "Netty worker threads for RESP connections."),
  SHARDS("shards", "1", "Shards (Raft groups) the 16384 slots are cut into, 1 to 16384; every node must be given the "
      + "same number, and it cannot change once the cluster holds data."),
  REPLICATION_FACTOR("replication-factor", "3", "Replicas of each shard, 1 to the number of members (the default "
      + "3 becomes the member count when there are fewer members)."),
  SNAPSHOT_COPY_MB_PER_SEC("snapshot-copy-mb-per-sec", "64", "Bounds the MiB per second this node reads and "
      + "writes for snapshot installs (a replica move or a rebuild copies a snapshot), so that foreground writes keep "
      + "their disk; 0: unbounded."),
  AUTO_SPLIT_KEYS("auto-split-keys", "0", "Split a shard in two (where its keys halve) once its leader reports more "
      + "keys than this; the meta leader's setting decides, so give every node the same. 0: never."),
  AUTO_SPLIT_BYTES("auto-split-bytes", "0", "Split a shard in two once its leader's snapshot files pass this many "
      + "bytes; the meta leader's setting decides. 0: never."),
  META_WAIT_SECS("meta-wait-secs", "300", "How long a starting node waits for the meta group's topology before it "
      + "gives up; meta answers once a majority of its members (the first 3 of --members, or 5 when there are 5 or "
      + "more) is up.");

  private final String key;
  private final String defaultValue;
  private final String description;

  ConfigKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The name in files and on the command line, e.g. {@code resp-port}. */
  public String key() {
    return key;
  }

  public String flag() {
    return "--" + key;
  }

  public String environmentVariable() {
    return "SLOTRAFT_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** Null when the setting has no default (required, or derived from another). */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static ConfigKey byKey(String key) {
    for (ConfigKey k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }
}
