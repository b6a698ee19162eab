package io.slotraft.node.cluster;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * CLUSTER SHARDS in Redis 7's shape: per shard a map of "slots" (start and end as integers) and
 * "nodes" (a map per node: id, port, ip, endpoint, replication-offset, role, health). A Slotraft
 * shard is exactly a Redis shard here: one Raft group, its leader the master. Replication offsets
 * are 0: Raft log indexes are not Redis offsets, and clients use them only to compare replicas.
 */
final class ClusterShardsFormat {
  private ClusterShardsFormat() {}

  static Reply render(ClusterRoles roles) {
    List<Reply> shards = new ArrayList<>();
    for (ClusterRoles.ShardRoles shard : roles.shards()) {
      List<Reply> nodes = new ArrayList<>();
      nodes.add(node(shard.master(), "master"));
      shard.replicas().forEach(replica -> nodes.add(node(replica, "replica")));
      shards.add(new Reply.MapReply(List.of(
          Replies.bulk("slots"),
          Replies.array(Replies.integer(shard.shard().slotStart()), Replies.integer(shard.shard().slotEnd())),
          Replies.bulk("nodes"), Replies.array(nodes))));
    }
    return Replies.array(shards);
  }

  private static Reply node(ClusterMember member, String role) {
    return new Reply.MapReply(List.of(
        Replies.bulk("id"), Replies.bulk(member.nodeId()),
        Replies.bulk("port"), Replies.integer(member.respPort()),
        Replies.bulk("ip"), Replies.bulk(member.host()),
        Replies.bulk("endpoint"), Replies.bulk(member.host()),
        Replies.bulk("replication-offset"), Replies.ZERO,
        Replies.bulk("role"), Replies.bulk(role),
        Replies.bulk("health"), Replies.bulk("online")));
  }
}
