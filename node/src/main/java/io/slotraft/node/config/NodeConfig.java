package io.slotraft.node.config;

import io.slotraft.node.cluster.ClusterMember;
import java.nio.file.Path;
import java.util.List;

/**
 * A node's checked configuration. Built only by {@link ConfigLoader}, which applies the one order of
 * precedence (file, then environment, then command line) and rejects bad values with clear messages.
 *
 * @param members the cluster's bootstrap members as given by {@code --members}: meta is bootstrapped
 *     from them, and they are the seeds a node first asks for meta. {@code self} is one of them, or
 *     else this node is {@link #joining() joining} a running cluster.
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
    int metaWaitSecs,
    int snapshotCopyMbPerSec,
    long autoSplitKeys,
    long autoSplitBytes) {

  /** True for a node not among the bootstrap members: it joins a cluster that is already running. */
  public boolean joining() {
    return members.stream().noneMatch(member -> member.name().equals(self.name()));
  }
}
