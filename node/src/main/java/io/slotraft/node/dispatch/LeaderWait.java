package io.slotraft.node.dispatch;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Commands of Redis clients that met a shard without a leader (an election under way, or a
 * leadership transfer), held until the shard has one instead of being answered TRYAGAIN at once.
 * JedisCluster, Lettuce and redis-cli follow MOVED and retry broken connections, but give up on
 * TRYAGAIN (real Redis Cluster answers it only to multi-key commands during resharding), so every
 * election would otherwise fail some of their commands. The smart client retries TRY_AGAIN itself
 * and is not held.
 *
 * <p>A TRYAGAIN reply means the command did not run, so running it again is safe. Every tick the
 * held commands are tried again, oldest first, so that commands of one connection reach the shard in
 * the order they came; one still without a leader waits for the next tick. At its deadline the
 * TRYAGAIN is the answer after all. A command whose connection is gone meanwhile is never run: its
 * client may already have sent it again elsewhere.
 */
final class LeaderWait {
  static final long TICK_MS = 50;

  private record Held(Supplier<CompletableFuture<Reply>> attempt, BooleanSupplier abandoned, long deadlineNanos,
      CompletableFuture<Reply> answer) {}

  private final ScheduledExecutorService timers;
  private final long maxWaitNanos;
  /** Guarded by this. */
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  /** Guarded by this. */
  private boolean tickScheduled;

  LeaderWait(ScheduledExecutorService timers, long maxWaitMs) {
    this.timers = timers;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
  }

  /**
   * The answer of {@code attempt} once it is no longer TRYAGAIN, or the last TRYAGAIN at the
   * deadline; {@code tryAgain} is the answer that made the caller hold the command.
   *
   * @param abandoned true once the command's connection is gone
   */
  CompletableFuture<Reply> hold(Reply tryAgain, Supplier<CompletableFuture<Reply>> attempt, BooleanSupplier abandoned) {
    if (maxWaitNanos <= 0) {
      return CompletableFuture.completedFuture(tryAgain);
    }
    Held command = new Held(attempt, abandoned, System.nanoTime() + maxWaitNanos, new CompletableFuture<>());
    enqueue(command);
    return command.answer;
  }

  private synchronized void enqueue(Held command) {
    held.add(command);
    if (!tickScheduled) {
      tickScheduled = true;
      timers.schedule(this::tick, TICK_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void tick() {
    List<Held> due;
    synchronized (this) {
      due = new ArrayList<>(held);
      held.clear();
      tickScheduled = false;
    }
    for (Held command : due) {
      if (command.abandoned.getAsBoolean()) {
        command.answer.complete(new RoutingReply.TryAgain(-1, "connection closed while waiting for a leader"));
        continue;
      }
      CompletableFuture<Reply> attempt;
      try {
        attempt = command.attempt.get();
      } catch (RuntimeException e) {
        attempt = CompletableFuture.failedFuture(e);
      }
      attempt.whenComplete((reply, failure) -> {
        if (failure != null) {
          command.answer.completeExceptionally(failure);
        } else if (reply instanceof RoutingReply.TryAgain && System.nanoTime() < command.deadlineNanos) {
          enqueue(command);
        } else {
          command.answer.complete(reply);
        }
      });
    }
  }
}
