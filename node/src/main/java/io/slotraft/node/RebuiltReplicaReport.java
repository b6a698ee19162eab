package io.slotraft.node;

import io.slotraft.node.raft.RaftReplica;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs once a replica rebuilt from its peers votes again: the line operators (and the damaged-data
 * tests) look for to know the rebuild is over. Checks every 200 ms on the node's timers.
 */
final class RebuiltReplicaReport {
  private static final Logger LOG = LoggerFactory.getLogger(RebuiltReplicaReport.class);
  private static final long CHECK_MS = 200;

  private RebuiltReplicaReport() {}

  /** @param replica the rebuilt replica's Raft replica; null until it has started */
  static void whenVoting(ScheduledExecutorService timers, String groupId, Supplier<RaftReplica<?>> replica) {
    long startNanos = System.nanoTime();
    AtomicReference<ScheduledFuture<?>> check = new AtomicReference<>();
    check.set(timers.scheduleWithFixedDelay(() -> {
      RaftReplica<?> raft = replica.get();
      if (raft != null && raft.isVoter()) {
        LOG.info("[{}] rebuilt from its peers and a voter again after {} ms", groupId,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        check.get().cancel(false);
      }
    }, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS));
  }
}
