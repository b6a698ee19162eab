package io.slotraft.node.operation.split;

import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.ProposalOutcome;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.OperationSpec;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AutoSplitPolicy} on the meta leader: each pass, while this node leads meta, reads
 * meta and starts the split the policy asks for. After any split or merge it waits {@link
 * #SETTLE_MS} (and so does a node that just took meta's leadership): the nodes' reports of key
 * counts are up to that old, and a report from before a split would split the same shard again.
 */
public final class AutoSplitter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AutoSplitter.class);
  /** How often it looks. */
  public static final long INTERVAL_MS = 5_000;
  /** How long after a split or merge it waits: nodes report their shards' sizes at least this often. */
  static final long SETTLE_MS = 35_000;

  private final AutoSplitPolicy policy;
  private final BooleanSupplier leading;
  private final Supplier<CompletableFuture<MetaState>> meta;
  private final Function<MetaCommand, CompletableFuture<ProposalOutcome>> proposer;
  private final LongSupplier monotonicMs;
  /** When this node last saw a split or merge run, or took meta's leadership; -1: not leading. */
  private long settlingSinceMs = -1;

  public AutoSplitter(AutoSplitPolicy policy, BooleanSupplier leading, Supplier<CompletableFuture<MetaState>> meta,
      Function<MetaCommand, CompletableFuture<ProposalOutcome>> proposer, LongSupplier monotonicMs) {
    this.policy = policy;
    this.leading = leading;
    this.meta = meta;
    this.proposer = proposer;
    this.monotonicMs = monotonicMs;
  }

  @Override
  public void run() {
    try {
      pass();
    } catch (RuntimeException e) {
      LOG.warn("auto-split pass failed: {}", e.toString());
    }
  }

  /** One look; public for tests, which drive the clock. */
  public void pass() {
    if (!leading.getAsBoolean()) {
      settlingSinceMs = -1;
      return;
    }
    long now = monotonicMs.getAsLong();
    if (settlingSinceMs < 0) {
      settlingSinceMs = now;
    }
    MetaState state;
    try {
      state = meta.get().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return; // meta unreadable now: the next pass looks again
    }
    if (state.anotherReshapeRunning().isPresent()) {
      settlingSinceMs = now;
      return;
    }
    if (now - settlingSinceMs < SETTLE_MS) {
      return;
    }
    Optional<OperationSpec> split = policy.next(state);
    if (split.isPresent()) {
      LOG.info("auto-split: {} ({})", split.get().getSplitShard().getShardId(), split.get().getSplitShard().getReason());
      proposer.apply(MetaEntries.startOperation(split.get(), 0, System.currentTimeMillis()));
      settlingSinceMs = now;
    }
  }
}
