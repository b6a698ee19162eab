package io.slotraft.node.cluster;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * CLUSTER SLOTS in Redis 7's shape, which Jedis and redis-py build their slot maps from: per slot
 * range, [start, end, master, replica...], each node as [ip, port, node id, metadata]. The
 * metadata map is empty because no hostname is announced (see {@link ClusterNodesFormat}).
 * One entry per shard, so that each range lists that shard's own replicas.
 */
final class ClusterSlotsFormat {
  private ClusterSlotsFormat() {}

  static Reply render(ClusterRoles roles) {
    List<Reply> entries = new ArrayList<>();
    for (ClusterRoles.ShardRoles shard : roles.shards()) {
      List<Reply> entry = new ArrayList<>();
      entry.add(Replies.integer(shard.shard().slotStart()));
      entry.add(Replies.integer(shard.shard().slotEnd()));
      entry.add(node(shard.master()));
      shard.replicas().forEach(replica -> entry.add(node(replica)));
      entries.add(Replies.array(entry));
    }
    return Replies.array(entries);
  }

  private static Reply node(ClusterMember member) {
    return Replies.array(Replies.bulk(member.host()), Replies.integer(member.respPort()),
        Replies.bulk(member.nodeId()), new Reply.MapReply(List.of()));
  }
}
