package io.slotraft.node;

import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.config.NodeConfig;
import io.slotraft.node.session.ConfigParameter;
import io.slotraft.node.session.ConfigTable;
import io.slotraft.node.shard.SnapshotPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What CONFIG GET answers: the Redis parameters tools read, answered truthfully for this node, and
 * Slotraft's own settings under a {@code slotraft-} prefix. Only what can really change while the
 * node runs is mutable.
 */
final class NodeParameters {
  private NodeParameters() {}

  static ConfigTable table(NodeConfig config, SnapshotPolicy snapshots) {
    ClusterMember self = config.self();
    return new ConfigTable(List.of(
        ConfigParameter.fixed("bind", self.host()),
        ConfigParameter.fixed("port", Integer.toString(self.respPort())),
        ConfigParameter.fixed("dir", config.dataDir().toAbsolutePath().toString()),
        ConfigParameter.fixed("databases", "1"),
        ConfigParameter.fixed("cluster-enabled", "yes"),
        ConfigParameter.fixed("cluster-node-timeout", Integer.toString(config.electionTimeoutMs())),
        // Every write is in a log fsynced on a majority before it is acknowledged: the equivalent
        // of an append-only file with fsync always. Snapshots play the part of RDB saves.
        ConfigParameter.fixed("appendonly", "yes"),
        ConfigParameter.fixed("appendfsync", "always"),
        ConfigParameter.fixed("save", config.snapshotIntervalSecs() > 0 ? config.snapshotIntervalSecs() + " 1" : ""),
        // No memory limit is enforced yet, and nothing is ever evicted.
        ConfigParameter.fixed("maxmemory", "0"),
        ConfigParameter.fixed("maxmemory-policy", "noeviction"),
        ConfigParameter.fixed("proto-max-bulk-len", "536870912"),
        ConfigParameter.fixed("timeout", "0"),
        ConfigParameter.fixed("slotraft-node-name", self.name()),
        ConfigParameter.fixed("slotraft-grpc-port", Integer.toString(self.grpcPort())),
        ConfigParameter.fixed("slotraft-raft-port", Integer.toString(self.raftPort())),
        ConfigParameter.fixed("slotraft-http-port", Integer.toString(self.httpPort())),
        ConfigParameter.fixed("slotraft-election-timeout-ms", Integer.toString(config.electionTimeoutMs())),
        ConfigParameter.fixed("slotraft-snapshot-interval-secs", Integer.toString(config.snapshotIntervalSecs())),
        ConfigParameter.fixed("slotraft-max-inflight-writes", Integer.toString(config.maxInflightWrites())),
        ConfigParameter.fixed("slotraft-read-mode", config.readMode().value()),
        ConfigParameter.fixed("slotraft-snapshot-copy-mb-per-sec", Integer.toString(config.snapshotCopyMbPerSec())),
        new ConfigParameter("slotraft-snapshot-log-entries", () -> Long.toString(snapshots.maxEntries()),
            NodeParameters::nonNegativeInteger, value -> snapshots.setMaxEntries(Long.parseLong(value)))));
  }

  private static String nonNegativeInteger(String value) {
    Long number = RedisNumbers.parseLong(value.getBytes(StandardCharsets.UTF_8));
    return number == null || number < 0 ? "argument couldn't be parsed into a non-negative integer" : null;
  }
}
