package io.slotraft.node.meta;

import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.SetPreferredLeader;
import java.util.Optional;

/** Makes one of a shard's voters its preferred leader; raises the epoch when that changes anything. */
final class SetPreferredLeaderRule implements MetaCommandRule<SetPreferredLeader> {
  @Override
  public Applied apply(MetaState state, long index, SetPreferredLeader change) {
    String what = "SetPreferredLeader(" + change.getShardId() + ", " + change.getNodeId() + ")";
    if (!state.bootstrapped()) {
      return Applied.noOp(state, what + " refused: meta is not bootstrapped");
    }
    ClusterTopology topology = state.topology();
    Optional<ShardPlacement> shard = topology.placement().shard(change.getShardId());
    if (shard.isEmpty()) {
      return Applied.noOp(state, what + " refused: there is no shard " + change.getShardId());
    }
    if (!shard.get().hasReplicaOn(change.getNodeId())) {
      return Applied.noOp(state, what + " refused: shard " + change.getShardId() + " has no replica on that node "
          + "(its replicas are on " + shard.get().replicaNodeIds() + ")");
    }
    if (shard.get().preferredLeader().equals(change.getNodeId())) {
      return Applied.noOp(state, what + ": already so, epoch stays " + state.epoch());
    }
    ClusterTopology changed = topology.nextWith(topology.placement().with(shard.get().withPreferredLeader(change.getNodeId())));
    return new Applied(state.withTopology(changed), MetaOutcome.change(what + ": done, epoch " + changed.epoch()));
  }
}
