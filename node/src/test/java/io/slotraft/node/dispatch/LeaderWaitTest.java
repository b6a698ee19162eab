package io.slotraft.node.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis client's command that meets a shard without a leader waits for one: it is tried again
 * every tick, in the order commands were held, until it gets another answer than TRYAGAIN or its
 * deadline passes; a command whose connection closed is never run.
 */
class LeaderWaitTest {
  private static final Reply TRY_AGAIN = new RoutingReply.TryAgain(7, "no leader for slot 7 yet, retry");
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimers() {
    timers.shutdownNow();
  }

  /** TRYAGAIN for the first {@code electing} attempts, then the reply; records each attempt by name. */
  private static Supplier<CompletableFuture<Reply>> shardElecting(AtomicInteger attempts, int electing, Reply reply) {
    return () -> CompletableFuture.completedFuture(attempts.incrementAndGet() <= electing ? TRY_AGAIN : reply);
  }

  @Test
  void aHeldCommandGetsTheAnswerOfTheFirstAttemptThatFindsALeader() throws Exception {
    LeaderWait wait = new LeaderWait(timers, 5_000);
    AtomicInteger attempts = new AtomicInteger();

    Reply answer = wait.hold(TRY_AGAIN, shardElecting(attempts, 3, Replies.OK), () -> false).get(5, TimeUnit.SECONDS);

    assertEquals(Replies.OK, answer);
    assertEquals(4, attempts.get(), "three more TRYAGAINs while electing, then the leader's answer");
  }

  @Test
  void atTheDeadlineTheAnswerIsTryAgainAfterAll() throws Exception {
    LeaderWait wait = new LeaderWait(timers, 200);
    AtomicInteger attempts = new AtomicInteger();

    Reply answer = wait.hold(TRY_AGAIN, shardElecting(attempts, Integer.MAX_VALUE, Replies.OK), () -> false)
        .get(5, TimeUnit.SECONDS);

    assertInstanceOf(RoutingReply.TryAgain.class, answer);
    assertTrue(attempts.get() >= 2 && attempts.get() <= 200 / LeaderWait.TICK_MS + 1, "attempts " + attempts.get());
  }

  @Test
  void withoutAWaitTheFirstTryAgainIsTheAnswer() throws Exception {
    LeaderWait wait = new LeaderWait(timers, 0);
    AtomicInteger attempts = new AtomicInteger();

    assertEquals(TRY_AGAIN, wait.hold(TRY_AGAIN, shardElecting(attempts, 0, Replies.OK), () -> false).get());
    assertEquals(0, attempts.get());
  }

  @Test
  void aCommandWhoseConnectionClosedIsNeverRunAgain() throws Exception {
    LeaderWait wait = new LeaderWait(timers, 5_000);
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();

    CompletableFuture<Reply> answer = wait.hold(TRY_AGAIN, shardElecting(attempts, 2, Replies.OK), closed::get);
    Thread.sleep(LeaderWait.TICK_MS / 2);
    closed.set(true);

    assertInstanceOf(RoutingReply.TryAgain.class, answer.get(5, TimeUnit.SECONDS));
    assertTrue(attempts.get() <= 1, "attempts after the close: " + attempts.get());
  }

  @Test
  void heldCommandsAreTriedAgainInTheOrderTheyCame() throws Exception {
    LeaderWait wait = new LeaderWait(timers, 5_000);
    AtomicBoolean leaderKnown = new AtomicBoolean();
    List<String> ran = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Reply>> answers = new CopyOnWriteArrayList<>();
    for (String name : List.of("SET a 1", "SET a 2", "SET a 3")) {
      answers.add(wait.hold(TRY_AGAIN, () -> {
        if (!leaderKnown.get()) {
          return CompletableFuture.completedFuture(TRY_AGAIN);
        }
        ran.add(name);
        return CompletableFuture.completedFuture(Replies.OK);
      }, () -> false));
    }
    Thread.sleep(3 * LeaderWait.TICK_MS);
    leaderKnown.set(true);

    for (CompletableFuture<Reply> answer : answers) {
      assertEquals(Replies.OK, answer.get(5, TimeUnit.SECONDS));
    }
    assertEquals(List.of("SET a 1", "SET a 2", "SET a 3"), ran);
  }
}
