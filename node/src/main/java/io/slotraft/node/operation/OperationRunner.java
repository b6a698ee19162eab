package io.slotraft.node.operation;

import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.ProposalOutcome;
import io.slotraft.node.operation.drain.DrainNodeDriver;
import io.slotraft.node.operation.merge.MergeShardsDriver;
import io.slotraft.node.operation.move.MoveReplicaDriver;
import io.slotraft.node.operation.rebalance.RebalanceDriver;
import io.slotraft.node.operation.rebuild.RebuildReplicaDriver;
import io.slotraft.node.operation.split.SplitShardDriver;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations driver: while this node leads meta, each pass reads meta (linearizably) and lets
 * every running operation's {@link StepDriver} take its next step, oldest operation first, proposing
 * what the step recorded. A pass that finds this node no longer leading does nothing; the new
 * leader's runner resumes every operation from its recorded step. A step that fails records why as
 * the operation's detail (once per distinct reason) and is tried again next pass.
 */
public final class OperationRunner implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(OperationRunner.class);
  /** How often the meta leader advances operations. */
  public static final long INTERVAL_MS = 500;
  private static final long PROPOSE_TIMEOUT_MS = 10_000;
  /** Steps a merge may take in one pass, each after the one before it was recorded. */
  static final int MAX_MERGE_STEPS_PER_PASS = 4;

  private final BooleanSupplier leading;
  private final Supplier<CompletableFuture<MetaState>> meta;
  private final Function<MetaCommand, CompletableFuture<ProposalOutcome>> proposer;
  private final DriverContext context;
  /** The last failure recorded per operation, so a step failing the same way is recorded once. */
  private final Map<Long, String> lastFailure = new HashMap<>();

  /**
   * @param leading whether this node's meta replica leads meta now
   * @param meta meta's state after a ReadIndex on this node's replica
   * @param proposer proposes on this node's meta replica
   */
  public OperationRunner(BooleanSupplier leading, Supplier<CompletableFuture<MetaState>> meta,
      Function<MetaCommand, CompletableFuture<ProposalOutcome>> proposer, DriverContext context) {
    this.leading = leading;
    this.meta = meta;
    this.proposer = proposer;
    this.context = context;
  }

  @Override
  public void run() {
    try {
      pass();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("operations pass failed: {}", e.toString());
    }
  }

  private void pass() throws InterruptedException {
    if (!leading.getAsBoolean()) {
      lastFailure.clear();
      return;
    }
    Optional<MetaState> read = await(meta.get());
    if (read.isEmpty() || read.get().runningOperations().isEmpty()) {
      return;
    }
    for (Operation operation : read.get().runningOperations()) {
      if (!leading.getAsBoolean()) {
        return;
      }
      // A merge's step that finished goes straight on to the next, up to a few per pass: its frozen
      // source's slots take no writes meanwhile. Other kinds take one step a pass, as they always
      // have (moves' hand-overs and membership changes are spaced by it).
      int maxSteps = operation.getSpec().hasMergeShards() ? MAX_MERGE_STEPS_PER_PASS : 1;
      String stepBefore = null;
      for (int steps = 0; steps < maxSteps && leading.getAsBoolean(); steps++) {
        // Each step sees meta as the steps before it in this pass left it.
        Optional<MetaState> state = await(meta.get());
        if (state.isEmpty()) {
          return;
        }
        Operation current = state.get().operations().get(operation.getId());
        if (current == null || !MetaState.running(current) || current.getStep().equals(stepBefore)) {
          break;
        }
        stepBefore = current.getStep();
        stepOne(state.get(), current);
      }
    }
  }

  private void stepOne(MetaState state, Operation operation) throws InterruptedException {
    List<MetaCommand> commands;
    try {
      commands = driverOf(operation).step(state, operation, context);
    } catch (RuntimeException e) {
      recordFailure(operation, e.getMessage() == null ? e.toString() : e.getMessage());
      return;
    }
    for (MetaCommand command : commands) {
      Optional<ProposalOutcome> outcome = await(proposer.apply(command));
      if (outcome.isEmpty()) {
        return; // not applied (leadership lost, or slow): the next pass looks again
      }
      if (!outcome.get().changed() && !command.hasAdvanceOperation()) {
        recordFailure(operation, outcome.get().description());
      }
    }
    if (!commands.isEmpty()) {
      lastFailure.remove(operation.getId());
    }
  }

  /** Records why a step did not go ahead as the operation's detail, once per distinct reason. */
  private void recordFailure(Operation operation, String why) throws InterruptedException {
    if (why.equals(lastFailure.get(operation.getId()))) {
      return;
    }
    lastFailure.put(operation.getId(), why);
    LOG.info("operation {} at {}: {} (trying again)", operation.getId(), operation.getStep(), why);
    await(proposer.apply(MetaEntries.advanceOperation(progress(operation, "retrying: " + why, context.nowMs()))));
  }

  /** A record of progress within the operation's current step. */
  public static AdvanceOperation progress(Operation operation, String detail, long nowMs) {
    return AdvanceOperation.newBuilder().setId(operation.getId()).setFromStep(operation.getStep())
        .setToStep(operation.getStep()).setStatus(OperationStatus.OPERATION_RUNNING).setDetail(detail).setAtMs(nowMs)
        .setBytesDone(operation.getBytesDone()).setBytesTotal(operation.getBytesTotal()).build();
  }

  /** A record that the operation finished its current step and is at {@code next}. */
  public static MetaCommand advance(Operation operation, String next, String detail, long nowMs) {
    return MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
        .setFromStep(operation.getStep()).setToStep(next).setStatus(OperationStatus.OPERATION_RUNNING)
        .setDetail(detail).setAtMs(nowMs).setBytesDone(operation.getBytesDone())
        .setBytesTotal(operation.getBytesTotal()).build());
  }

  /** A record that the operation ended with {@code status} at step {@code last}. */
  public static MetaCommand end(Operation operation, String last, OperationStatus status, String detail, long nowMs) {
    return MetaEntries.advanceOperation(AdvanceOperation.newBuilder().setId(operation.getId())
        .setFromStep(operation.getStep()).setToStep(last).setStatus(status).setDetail(detail).setAtMs(nowMs)
        .setBytesDone(operation.getBytesDone()).setBytesTotal(operation.getBytesTotal()).build());
  }

  /** The driver of {@code operation}'s kind. */
  public static StepDriver driverOf(Operation operation) {
    return switch (operation.getSpec().getKindCase()) {
      case MOVE_REPLICA -> MoveReplicaDriver.INSTANCE;
      case DRAIN_NODE -> DrainNodeDriver.INSTANCE;
      case REBALANCE -> RebalanceDriver.INSTANCE;
      case REBUILD_REPLICA -> RebuildReplicaDriver.INSTANCE;
      case SPLIT_SHARD -> SplitShardDriver.INSTANCE;
      case MERGE_SHARDS -> MergeShardsDriver.INSTANCE;
      case KIND_NOT_SET -> throw new IllegalStateException("meta records no operation without a kind");
    };
  }

  private static <T> Optional<T> await(CompletableFuture<T> future) throws InterruptedException {
    try {
      return Optional.ofNullable(future.get(PROPOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }
}
