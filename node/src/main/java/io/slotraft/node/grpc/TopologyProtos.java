package io.slotraft.node.grpc;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.MemberProtos;
import io.slotraft.node.cluster.ShardView;
import io.slotraft.proto.v1.ShardInfo;
import io.slotraft.proto.v1.Topology;
import java.util.Comparator;

/**
 * Renders a {@link ClusterView} as the {@code Topology} message. The output is canonical (shards by
 * first slot, replica ids sorted) so that two renderings of the same cluster are equal messages:
 * {@link TopologyWatch} sends a new message only when the rendering changes.
 */
final class TopologyProtos {
  private TopologyProtos() {}

  static Topology topology(ClusterView view) {
    Topology.Builder topology = Topology.newBuilder().setEpoch(view.epoch());
    for (ClusterMember member : view.members()) {
      topology.addNodes(MemberProtos.toProto(member));
    }
    view.shards().stream()
        .sorted(Comparator.comparingInt(ShardView::slotStart).thenComparing(ShardView::shardId))
        .forEach(shard -> topology.addShards(shard(shard)));
    return topology.build();
  }

  private static ShardInfo shard(ShardView shard) {
    return ShardInfo.newBuilder()
        .setShardId(shard.shardId())
        .setSlotStart(shard.slotStart())
        .setSlotEnd(shard.slotEnd())
        .setLeaderNodeId(shard.leaderNodeId() == null ? "" : shard.leaderNodeId())
        .addAllReplicaNodeIds(shard.replicaNodeIds().stream().sorted().toList())
        .build();
  }
}
