package io.slotraft.node.config;

import io.slotraft.node.cluster.ClusterMember;
import java.nio.file.Path;
import java.util.List;

/**
 * A node's checked configuration. Built only by {@link ConfigLoader}, which applies the one order of
 * precedence (file, then environment, then command line) and rejects bad values with clear messages.
 */
public record NodeConfig(
    String clusterName,
    ClusterMember self,
    List<ClusterMember> members,
    Path dataDir,
    int electionTimeoutMs,
    int snapshotIntervalSecs,
    long snapshotLogEntries,
    int maxInflightWrites,
    ReadMode readMode,
    int respThreads,
    int shards,
    int replicationFactor,
    int metaWaitSecs) {}
