package io.slotraft.node.meta;

import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.RemoveNode;
import java.util.List;

/**
 * Removes a member that holds nothing (raising the epoch); refused, with what it still holds,
 * while it has a replica or a learner, a meta vote, or a running operation names it. The node may be
 * stopped once this is applied.
 */
final class RemoveNodeRule implements MetaCommandRule<RemoveNode> {
  @Override
  public Applied apply(MetaState state, long index, RemoveNode remove) {
    String nodeId = remove.getNodeId();
    String what = "RemoveNode(" + nodeId + ")";
    if (!state.bootstrapped()) {
      return Applied.noOp(state, what + " refused: meta is not bootstrapped");
    }
    ClusterTopology topology = state.topology();
    if (topology.member(nodeId).isEmpty()) {
      return Applied.noOp(state, what + ": not a member, epoch stays " + state.epoch());
    }
    String name = topology.member(nodeId).get().name();
    List<String> held = topology.placement().shardsRunningOn(nodeId).stream().map(ShardPlacement::shardId).toList();
    if (!held.isEmpty()) {
      return Applied.noOp(state, what + " refused: " + name + " still holds replicas of " + held + "; drain it first");
    }
    if (topology.runsMeta(nodeId)) {
      return Applied.noOp(state, what + " refused: " + name + " holds a replica of meta; drain it first");
    }
    List<Long> naming = state.runningOperations().stream().filter(op -> OperationRules.names(op, nodeId))
        .map(Operation::getId).toList();
    if (!naming.isEmpty()) {
      return Applied.noOp(state, what + " refused: running operations " + naming + " involve " + name);
    }
    if (topology.members().size() - 1 < topology.replicationFactor()) {
      return Applied.noOp(state, what + " refused: " + (topology.members().size() - 1) + " nodes could not hold "
          + topology.replicationFactor() + " replicas of every shard");
    }
    ClusterTopology changed = topology.nextWithoutMember(nodeId);
    return new Applied(state.withTopology(changed).withoutReport(nodeId), MetaOutcome.change(what + ": " + name
        + " removed, epoch " + changed.epoch()));
  }
}
