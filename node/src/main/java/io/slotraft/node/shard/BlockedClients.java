package io.slotraft.node.shard;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Clients blocked in BLPOP, BZPOPMIN and the like on this shard's leader. A blocked client holds no
 * log entry: it waits here until one of its keys holds a value (checked after entries are applied)
 * or its timeout passes, and then its command is proposed again. Losing leadership releases every
 * waiter with an error it can retry elsewhere, so no element is ever popped for a client that is
 * no longer waiting.
 */
public final class BlockedClients {
  private final Predicate<List<byte[]>> anyKeyHasValue;
  private final ScheduledExecutorService timers;
  private final Executor checker;
  private final List<Waiter> waiters = new ArrayList<>();
  private final AtomicBoolean checkPending = new AtomicBoolean();

  private record Waiter(List<byte[]> keys, CompletableFuture<Boolean> woken) {}

  /**
   * @param anyKeyHasValue whether any of the keys now holds a value (read under the shard's lock)
   * @param timers fires timeouts
   * @param checker where readiness checks run, off the apply thread
   */
  public BlockedClients(Predicate<List<byte[]>> anyKeyHasValue, ScheduledExecutorService timers, Executor checker) {
    this.anyKeyHasValue = anyKeyHasValue;
    this.timers = timers;
    this.checker = checker;
  }

  /**
   * Completes with true once one of {@code keys} holds a value, with false when {@code timeoutMs}
   * passes first (0 waits without limit), or exceptionally with {@code onLeadershipLost}'s error.
   */
  public CompletableFuture<Boolean> await(List<byte[]> keys, long timeoutMs) {
    Waiter waiter = new Waiter(keys, new CompletableFuture<>());
    synchronized (waiters) {
      waiters.add(waiter);
    }
    if (timeoutMs > 0) {
      ScheduledFuture<?> timeout = timers.schedule(() -> release(waiter, false), timeoutMs, TimeUnit.MILLISECONDS);
      waiter.woken().whenComplete((result, failure) -> timeout.cancel(false));
    }
    // A value may have arrived between the failed attempt and this registration.
    keyspaceChanged();
    return waiter.woken();
  }

  /** Clients waiting now (INFO's blocked_clients adds them up over the node's shards). */
  public int size() {
    synchronized (waiters) {
      return waiters.size();
    }
  }

  public boolean isEmpty() {
    synchronized (waiters) {
      return waiters.isEmpty();
    }
  }

  /** Called after entries are applied: checks the waiters once, however many entries came in. */
  public void keyspaceChanged() {
    if (checkPending.compareAndSet(false, true)) {
      checker.execute(this::wakeReady);
    }
  }

  /** The leader stepped down: every waiter gets {@code error}, which tells it to retry at the new leader. */
  public void releaseAll(RuntimeException error) {
    List<Waiter> all;
    synchronized (waiters) {
      all = new ArrayList<>(waiters);
      waiters.clear();
    }
    all.forEach(waiter -> waiter.woken().completeExceptionally(error));
  }

  /**
   * Wakes the waiters whose keys match, whether or not a key holds a value: a split gave their
   * slot away, and trying again tells them where to go.
   */
  public void wakeWhere(Predicate<List<byte[]>> keys) {
    wake(keys);
  }

  private void wakeReady() {
    checkPending.set(false);
    wake(anyKeyHasValue);
  }

  /** Takes the waiters whose keys {@code match} out, and wakes them in the order they blocked, as Redis does. */
  private void wake(Predicate<List<byte[]>> match) {
    List<Waiter> woken = new ArrayList<>();
    synchronized (waiters) {
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (match.test(waiter.keys())) {
          it.remove();
          woken.add(waiter);
        }
      }
    }
    woken.forEach(waiter -> waiter.woken().complete(true));
  }

  private void release(Waiter waiter, boolean woken) {
    synchronized (waiters) {
      waiters.remove(waiter);
    }
    waiter.woken().complete(woken);
  }
}
