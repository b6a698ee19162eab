package io.slotraft.node;

import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.metagroup.MetaProposals;
import io.slotraft.node.metagroup.MetaReplica;
import io.slotraft.node.metagroup.MetaSource;
import io.slotraft.node.operation.rebuild.RebuildStep;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.recovery.DamagedCopy;
import io.slotraft.node.recovery.ReplicaStart;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.RebuildReplicaSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds this node's damaged meta replica through meta, as a damaged shard replica is (see {@code
 * io.slotraft.node.operation.rebuild}): meta's other voters still make a majority, so their leader
 * runs the rebuild operation and records it. This node asks for the operation, never starts the
 * damaged copy, waits until the leader has taken it out of meta's group, sets the copy aside and
 * starts the replica empty, outside the group, for the leader to add as a learner, catch up and
 * promote. It blocks the node's start, bounded by {@code --meta-wait-secs}: a node serves nothing
 * without meta.
 */
final class MetaReplicaRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(MetaReplicaRebuild.class);
  /** How often meta is read while waiting for the operation to take the damaged replica out. */
  private static final long POLL_MS = 500;
  /** How long a request for the operation is given before it is made again (it may have been lost). */
  private static final long ASK_AGAIN_MS = 5_000;

  private final String selfNodeId;
  private final MetaSource remoteMeta;
  private final MetaProposals proposals;
  private final NodeLogStore logStore;
  private final LongSupplier clock;

  /** @param remoteMeta meta read from its other voters (this node's own replica cannot answer) */
  MetaReplicaRebuild(String selfNodeId, MetaSource remoteMeta, MetaProposals proposals, NodeLogStore logStore,
      LongSupplier clock) {
    this.selfNodeId = selfNodeId;
    this.remoteMeta = remoteMeta;
    this.proposals = proposals;
    this.logStore = logStore;
    this.clock = clock;
  }

  /** The replica started empty, and meta's operation that rebuilds it. */
  record Rebuilt(MetaReplica replica, long operationId) {}

  /**
   * Waits for meta's rebuild to take the damaged replica in {@code directory} out of the group, sets
   * the copy aside and starts the replica empty with {@code startEmpty}.
   *
   * @param waitSecs how long to wait for meta before the node's start fails
   */
  Rebuilt rebuild(Path directory, String damage, long waitSecs, ReplicaStart.Starter<MetaReplica> startEmpty)
      throws IOException {
    LOG.error("[{}] this node's copy of meta is damaged and will not be served: {}. Asking meta to rebuild it "
        + "from its peers", MetaReplica.GROUP_ID, damage);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSecs);
    long askedAtNanos = 0;
    Optional<Operation> rebuild = Optional.empty();
    while (rebuild.isEmpty() || rebuild.get().getStep().equals(RebuildStep.REMOVE_DAMAGED.name())) {
      if (System.nanoTime() > deadline) {
        throw new IOException("meta's copy on this node is damaged (" + damage + ") and meta's other voters did not "
            + "take it out of the group within " + waitSecs + " s (--meta-wait-secs); the damaged copy stays in "
            + "place, unserved; start the node again once meta has a majority");
      }
      rebuild = remoteMeta.read()
          .flatMap(state -> state.runningRebuildOf(ClusterTopology.META_GROUP, selfNodeId));
      if (rebuild.isEmpty() && System.nanoTime() - askedAtNanos > TimeUnit.MILLISECONDS.toNanos(ASK_AGAIN_MS)) {
        askedAtNanos = System.nanoTime();
        proposals.propose(MetaEntries.startOperation(OperationSpec.newBuilder().setRebuildReplica(
            RebuildReplicaSpec.newBuilder().setShardId(ClusterTopology.META_GROUP).setNodeId(selfNodeId)
                .setDamage(damage)).build(), 0, clock.getAsLong()))
            .whenComplete((outcome, failure) -> LOG.info("asked meta to rebuild its replica here: {}",
                failure != null ? failure.getMessage() : outcome.description()));
      }
      pause();
    }
    DamagedCopy.setAside(directory, MetaReplica.GROUP_ID, rebuild.get().getId(), logStore, clock.getAsLong());
    return new Rebuilt(startEmpty.start(), rebuild.get().getId());
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for meta's rebuild of its replica here", e);
    }
  }
}
