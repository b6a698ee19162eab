package io.slotraft.node.meta;

import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.Bootstrap;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.SetPreferredLeader;
import java.util.Optional;

/**
 * Meta's pure, deterministic state machine: committed meta log entries in, the next {@link
 * MetaState} out. No clocks, threads or I/O, so every meta replica holds the same state after the
 * same entries, and tests run it without Raft.
 *
 * <p>Bootstrap is applied only while not bootstrapped. Several can reach the log (a leader that
 * proposed and lost leadership before learning the outcome, a new leader that proposes again, a
 * whole cluster restarted with a different config): the first applied one wins and every later one
 * is a no-op that says so. That is what makes bootstrap happen once.
 *
 * <p>Every later command is checked against the state it meets when applied, not the one its
 * proposer saw: a command meta's rules refuse is a no-op with the reason, the same on every replica.
 * Only a command that changes the topology raises the epoch, by exactly one.
 */
public final class MetaStateMachine {
  private MetaState state = MetaState.EMPTY;

  public MetaState state() {
    return state;
  }

  /** Replaces the whole state, as a snapshot load does. */
  public void restore(MetaState snapshot) {
    state = snapshot;
  }

  /**
   * Applies the entry committed at {@code index}.
   *
   * @throws MetaCommandException when the entry cannot be read; the caller must stop applying
   */
  public MetaOutcome apply(long index, byte[] entry) {
    MetaCommand command = MetaEntries.decode(entry);
    MetaOutcome outcome = switch (command.getBodyCase()) {
      case BOOTSTRAP -> bootstrap(index, command.getBootstrap());
      case SET_PREFERRED_LEADER -> setPreferredLeader(command.getSetPreferredLeader());
      case NODE_REPORT -> nodeReport(command.getNodeReport());
      case BODY_NOT_SET -> throw new IllegalStateException("decode lets no empty command through");
    };
    state = state.atIndex(index);
    return outcome;
  }

  private MetaOutcome bootstrap(long index, Bootstrap bootstrap) {
    if (state.bootstrapped()) {
      state = new MetaState(true, state.topology(), state.bootstrapIndex(), state.appliedBootstraps(),
          state.ignoredBootstraps() + 1, state.appliedIndex(), state.reports());
      return MetaOutcome.noOp("Bootstrap at index " + index + " from " + bootstrap.getProposerNodeId()
          + " ignored: meta was bootstrapped at index " + state.bootstrapIndex() + " (epoch " + state.epoch() + ")");
    }
    // Bootstrap always yields epoch 1, whatever the proposal says: the first recorded topology.
    ClusterTopology plan = MetaProtos.topology(bootstrap.getPlan(), 1);
    Optional<String> problem = PlanCheck.problem(plan);
    if (problem.isPresent()) {
      return MetaOutcome.noOp("Bootstrap at index " + index + " from " + bootstrap.getProposerNodeId()
          + " refused: " + problem.get());
    }
    state = new MetaState(true, plan, index, state.appliedBootstraps() + 1, state.ignoredBootstraps(),
        state.appliedIndex(), state.reports());
    return MetaOutcome.change("bootstrapped at index " + index + " by " + bootstrap.getProposerNodeId() + ": "
        + plan.placement().shards().size() + " shards x " + plan.replicationFactor() + " replicas on "
        + plan.members().size() + " nodes, epoch 1");
  }

  private MetaOutcome setPreferredLeader(SetPreferredLeader change) {
    String what = "SetPreferredLeader(" + change.getShardId() + ", " + change.getNodeId() + ")";
    if (!state.bootstrapped()) {
      return MetaOutcome.noOp(what + " refused: meta is not bootstrapped");
    }
    ClusterTopology topology = state.topology();
    Optional<ShardPlacement> shard = topology.placement().shard(change.getShardId());
    if (shard.isEmpty()) {
      return MetaOutcome.noOp(what + " refused: there is no shard " + change.getShardId());
    }
    if (!shard.get().hasReplicaOn(change.getNodeId())) {
      return MetaOutcome.noOp(what + " refused: shard " + change.getShardId() + " has no replica on that node "
          + "(its replicas are on " + shard.get().replicaNodeIds() + ")");
    }
    if (shard.get().preferredLeader().equals(change.getNodeId())) {
      return MetaOutcome.noOp(what + ": already so, epoch stays " + state.epoch());
    }
    ClusterTopology changed = new ClusterTopology(topology.epoch() + 1, topology.members(),
        topology.placement().with(shard.get().withPreferredLeader(change.getNodeId())),
        topology.replicationFactor());
    state = state.withTopology(changed);
    return MetaOutcome.change(what + ": done, epoch " + changed.epoch());
  }

  private MetaOutcome nodeReport(NodeReport report) {
    if (!state.bootstrapped() || state.topology().member(report.getNodeId()).isEmpty()) {
      return new MetaOutcome(false, "report from " + report.getNodeId() + " ignored: not a member of meta's "
          + "topology", false);
    }
    state = state.withReport(MetaProtos.report(report));
    return new MetaOutcome(true, "report from " + report.getNodeId() + ": " + report.getShardsCount() + " replicas",
        true);
  }
}
