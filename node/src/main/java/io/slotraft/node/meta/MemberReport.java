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

  /**
   * One running replica, whether it led its shard when the node reported, the bytes of its snapshot
   * files (what moving it would copy; rebalancing evens them out) and its keys (auto-split reads them).
   */
  public record ReportedShard(String shardId, boolean leader, long bytes, long keys) {
    public ReportedShard(String shardId, boolean leader, long bytes) {
      this(shardId, leader, bytes, 0);
    }

    public ReportedShard(String shardId, boolean leader) {
      this(shardId, leader, 0, 0);
    }
  }

  public MemberReport {
    shards = List.copyOf(shards);
  }

  /**
   * Whether {@code other} names the same replicas and leaders, whenever it was sent. Sizes are left
   * out: they change with every snapshot, and a report a few minutes old is close enough to plan by.
   */
  public boolean sameReplicasAs(MemberReport other) {
    return other != null && nodeId.equals(other.nodeId) && roles(shards).equals(roles(other.shards));
  }

  private static List<String> roles(List<ReportedShard> shards) {
    return shards.stream().map(s -> s.shardId() + (s.leader() ? "*" : "")).toList();
  }

  /** The bytes this member reported for {@code shardId}; 0 when it reported none. */
  public long bytesOf(String shardId) {
    return shards.stream().filter(s -> s.shardId().equals(shardId)).mapToLong(ReportedShard::bytes).findFirst()
        .orElse(0);
  }

  public long leaderCount() {
    return shards.stream().filter(ReportedShard::leader).count();
  }
}
