package io.slotraft.node.meta;

import java.util.List;

/**
 * The latest account a node gave meta of its own replicas ({@code NodeReport} in meta.proto). It is
 * what the node saw, not what meta decided: operators read it (which node leads what, who stopped
 * reporting), and it never changes the topology or the epoch.
 *
 * @param reportedAtMs the reporting node's wall clock when it sent the report; shown, never compared
 * @param shards this node's running replicas, in shard id order
 */
public record MemberReport(String nodeId, long reportedAtMs, List<ReportedShard> shards) {

  /** One running replica and whether it led its shard when the node reported. */
  public record ReportedShard(String shardId, boolean leader) {}

  public MemberReport {
    shards = List.copyOf(shards);
  }

  /** Whether {@code other} says the same of the replicas, whenever it was sent. */
  public boolean sameReplicasAs(MemberReport other) {
    return other != null && nodeId.equals(other.nodeId) && shards.equals(other.shards);
  }

  public long leaderCount() {
    return shards.stream().filter(ReportedShard::leader).count();
  }
}
