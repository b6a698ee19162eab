package io.slotraft.node.metagroup;

import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the meta leader, while meta holds no topology: proposes Bootstrap with the plan from this
 * node's configuration. Runs on a timer, so a proposal lost to a leader change is simply made again
 * by whoever leads next; {@link io.slotraft.node.meta.MetaStateMachine} applies only the first.
 */
public final class MetaBootstrapper implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MetaBootstrapper.class);
  /**
   * How long one attempt (a ReadIndex, then maybe a proposal) may take before the next run may try
   * again. Without it, one callback that never came would leave {@link #inFlight} set and meta never
   * bootstrapped: a node start once waited out its whole meta timeout that way in a loaded test run.
   */
  static final long ATTEMPT_TIMEOUT_MS = 10_000;

  private final MetaReplica meta;
  private final ClusterTopology configuredPlan;
  private final String selfNodeId;
  private final AtomicBoolean inFlight = new AtomicBoolean();

  public MetaBootstrapper(MetaReplica meta, ClusterTopology configuredPlan, String selfNodeId) {
    this.meta = meta;
    this.configuredPlan = configuredPlan;
    this.selfNodeId = selfNodeId;
  }

  @Override
  public void run() {
    if (meta.lastApplied().bootstrapped() || !meta.isLeader() || !inFlight.compareAndSet(false, true)) {
      return;
    }
    // A new leader may not have applied every committed entry yet: read past the ReadIndex first, so
    // that a Bootstrap already in the log is seen and not proposed again (it would be a no-op anyway).
    meta.readLinearizable()
        .thenCompose(state -> state.bootstrapped() ? CompletableFuture.completedFuture(null) : propose())
        .orTimeout(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .whenComplete((outcome, failure) -> {
          inFlight.set(false);
          if (failure != null) {
            LOG.info("meta: Bootstrap not applied yet ({}); trying again while leading", failure.getMessage());
          } else if (outcome != null) {
            LOG.info("meta: Bootstrap proposed by this node: {}", outcome);
          }
        });
  }

  private CompletableFuture<String> propose() {
    LOG.info("meta has no topology yet: proposing Bootstrap with this node's configuration ({} shards x {} replicas "
        + "on {} nodes)", configuredPlan.placement().shards().size(), configuredPlan.replicationFactor(),
        configuredPlan.members().size());
    return meta.propose(MetaEntries.bootstrap(configuredPlan, selfNodeId)).thenApply(ProposalOutcome::description);
  }
}
