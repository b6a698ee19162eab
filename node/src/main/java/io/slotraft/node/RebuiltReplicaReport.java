package io.slotraft.node;

import io.slotraft.node.meta.MetaState;
import io.slotraft.node.raft.RaftReplica;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs once a replica rebuilt from its peers votes again: the line operators (and the damaged-data
 * tests) look for to know the rebuild is over. Only when meta's rebuild operation has succeeded and
 * the replica's own configuration lists it as a voter: the replica's configuration alone would say
 * "voter" too early, while it holds the leader's snapshot, older than the entries that took it out
 * of the group and added it back as a learner. Checks every 200 ms on the node's timers.
 */
final class RebuiltReplicaReport {
  private static final Logger LOG = LoggerFactory.getLogger(RebuiltReplicaReport.class);
  private static final long CHECK_MS = 200;

  private RebuiltReplicaReport() {}

  /**
   * @param replica the rebuilt replica's Raft replica; null until it has started
   * @param operationId meta's rebuild operation
   * @param meta meta's state as this node last read it
   */
  static void whenVoting(ScheduledExecutorService timers, String groupId, Supplier<RaftReplica<?>> replica,
      long operationId, Supplier<MetaState> meta) {
    long startNanos = System.nanoTime();
    AtomicReference<ScheduledFuture<?>> check = new AtomicReference<>();
    check.set(timers.scheduleWithFixedDelay(() -> {
      Operation rebuild = meta.get().operations().get(operationId);
      if (rebuild == null || MetaState.running(rebuild)) {
        return;
      }
      RaftReplica<?> raft = replica.get();
      if (rebuild.getStatus() != OperationStatus.OPERATION_SUCCEEDED) {
        LOG.warn("[{}] meta's rebuild (operation {}) ended {}: {}", groupId, operationId,
            rebuild.getStatus().name(), rebuild.getDetail());
        check.get().cancel(false);
      } else if (raft != null && raft.isVoter()) {
        LOG.info("[{}] rebuilt from its peers and a voter again after {} ms", groupId,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        check.get().cancel(false);
      }
    }, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS));
  }
}
