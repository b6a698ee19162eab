package io.slotraft.node.meta;

import io.slotraft.proto.v1.Bootstrap;
import java.util.Optional;

/**
 * Bootstrap is applied only while meta is not bootstrapped. Several can reach the log (a leader that
 * proposed and lost leadership before learning the outcome, a new leader that proposes again, a
 * whole cluster restarted with a different config): the first applied one wins and every later one
 * is a no-op that says so. That is what makes bootstrap happen once.
 */
final class BootstrapRule implements MetaCommandRule<Bootstrap> {
  @Override
  public Applied apply(MetaState state, long index, Bootstrap bootstrap) {
    if (state.bootstrapped()) {
      return new Applied(state.withIgnoredBootstrap(), MetaOutcome.noOp("Bootstrap at index " + index + " from "
          + bootstrap.getProposerNodeId() + " ignored: meta was bootstrapped at index " + state.bootstrapIndex()
          + " (epoch " + state.epoch() + ")"));
    }
    // Bootstrap always yields epoch 1, whatever the proposal says: the first recorded topology.
    ClusterTopology plan = MetaProtos.topology(bootstrap.getPlan(), 1);
    Optional<String> problem = PlanCheck.problem(plan);
    if (problem.isPresent()) {
      return Applied.noOp(state, "Bootstrap at index " + index + " from " + bootstrap.getProposerNodeId()
          + " refused: " + problem.get());
    }
    return new Applied(state.withBootstrap(plan, index), MetaOutcome.change("bootstrapped at index " + index + " by "
        + bootstrap.getProposerNodeId() + ": " + plan.placement().shards().size() + " shards x "
        + plan.replicationFactor() + " replicas on " + plan.members().size() + " nodes, epoch 1"));
  }
}
