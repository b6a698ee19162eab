package io.slotraft.node.reconcile;

import io.slotraft.node.meta.MemberReport;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.metagroup.MetaProposer;
import io.slotraft.node.shard.Shard;
import io.slotraft.proto.v1.MetaCommand;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells meta what this node runs and leads ({@link MemberReport}), on a timer: at once when that
 * changed since the last report meta took, and every {@link #UNCHANGED_EVERY_MS} regardless, so that
 * a report's age tells an operator the node is still there. One report is in flight at a time; a
 * report meta did not take is sent again on the next tick.
 */
public final class NodeReporter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeReporter.class);
  /** How often the timer checks for a change; leadership moves show in meta within about this long. */
  public static final long INTERVAL_MS = 2_000;
  /** An unchanged report is sent again this often: few meta log entries, yet a visibly fresh report. */
  static final long UNCHANGED_EVERY_MS = 30_000;

  private final String selfNodeId;
  private final Supplier<List<MemberReport.ReportedShard>> shards;
  private final Function<MetaCommand, CompletableFuture<?>> proposer;
  private final LongSupplier clock;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile MemberReport lastTaken;
  private volatile long lastTakenAtMs;
  private volatile boolean failing;

  /**
   * @param shards this node's running replicas and whether each leads ({@link #replicas} on a node)
   * @param proposer gets a command into meta's log ({@link MetaProposer#propose} on a node)
   */
  public NodeReporter(String selfNodeId, Supplier<List<MemberReport.ReportedShard>> shards,
      Function<MetaCommand, CompletableFuture<?>> proposer, LongSupplier clock) {
    this.selfNodeId = selfNodeId;
    this.shards = shards;
    this.proposer = proposer;
    this.clock = clock;
  }

  @Override
  public void run() {
    long now = clock.getAsLong();
    MemberReport report = current(now);
    if (report.sameReplicasAs(lastTaken) && now - lastTakenAtMs < UNCHANGED_EVERY_MS) {
      return;
    }
    if (!inFlight.compareAndSet(false, true)) {
      return;
    }
    proposer.apply(MetaEntries.nodeReport(report))
        .orTimeout(3 * MetaProposer.PROPOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .whenComplete((outcome, failure) -> {
          inFlight.set(false);
          if (failure == null) {
            lastTaken = report;
            lastTakenAtMs = now;
            if (failing) {
              LOG.info("meta takes this node's reports again");
              failing = false;
            }
          } else if (!failing) {
            // Once per outage: meta being away is already logged by whoever notices it first.
            LOG.info("meta did not take this node's report ({}); trying again every {} s", failure.getMessage(),
                INTERVAL_MS / 1000);
            failing = true;
          }
        });
  }

  private MemberReport current(long now) {
    return new MemberReport(selfNodeId, now, shards.get().stream()
        .sorted(Comparator.comparing(MemberReport.ReportedShard::shardId))
        .toList());
  }

  /** What a node reports of its running replicas. */
  public static List<MemberReport.ReportedShard> replicas(Collection<Shard> running) {
    return running.stream().map(shard -> new MemberReport.ReportedShard(shard.id().id(), shard.isLeader(),
        shard.replica() == null ? 0 : shard.replica().snapshotBytesOnDisk(),
        shard.withStateMachine(sm -> sm.keyspace().size()))).toList();
  }
}
