package io.slotraft.client.dispatch;

import io.grpc.stub.StreamObserver;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.SlotraftIndeterminateException;
import io.slotraft.client.SlotraftTimeoutException;
import io.slotraft.client.retry.Backoff;
import io.slotraft.client.retry.RetrySettings;
import io.slotraft.client.retry.TransportFailure;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.proto.v1.RoutingError;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command's (or batch's) life: attempts until an answer, a failure that retrying cannot fix, or
 * the deadline. Subclasses say where to send, how to send, and what an answer means; this class
 * owns the deadline, the backoff and the rules for routing errors and lost connections.
 *
 * <p>At most one attempt is in flight or scheduled at a time, and each starts from the completion of
 * the one before, so the fields need no locks. Completing {@link #result} from outside (close, or a
 * caller's cancel) stops the loop at its next step.
 */
abstract class RetryingCall<R> {
    private static final Logger log = LoggerFactory.getLogger(RetryingCall.class);

    final CompletableFuture<R> result = new CompletableFuture<>();
    private final Dispatcher dispatcher;
    private final RetrySettings settings;
    private final long deadlineNanos;
    private final Backoff backoff;
    private int redirectsInARow;
    private Throwable lastObstacle;
    /** The leader a redirect named, tried next whatever the slot map says (it may not know the shard yet). */
    private Endpoint redirectTarget;

    RetryingCall(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.settings = dispatcher.settings();
        this.deadlineNanos = System.nanoTime() + settings.commandTimeout().toNanos();
        this.backoff = settings.newBackoff();
    }

    final Dispatcher dispatcher() {
        return dispatcher;
    }

    /** For messages: the command name, or a batch's size. */
    abstract String describe();

    abstract Endpoint route(SlotRouter router);

    /** Sends one attempt; its answer or failure must come back through {@link #answerTo}. */
    abstract void send(Endpoint target, long attemptNanos);

    /** Whether everything this call would send again may run twice. */
    abstract boolean safeToRepeat();

    final void attempt() {
        if (result.isDone()) {
            return;
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            fail(timeout());
            return;
        }
        try {
            Endpoint target = redirectTarget != null ? redirectTarget : route(dispatcher.router());
            redirectTarget = null;
            send(target, attemptNanos(remaining));
        } catch (RuntimeException e) {
            fail(e); // a closed client, or a bug: never leave the caller's future hanging
        }
    }

    /**
     * Cutting an attempt short only pays when the command may then go to another node. A command
     * that may not be repeated would end indeterminate instead, so it waits the whole budget for a
     * definite answer.
     */
    private long attemptNanos(long remaining) {
        return safeToRepeat() ? Math.min(remaining, settings.attemptTimeout().toNanos()) : remaining;
    }

    /** The node did not run the command and said why: go where it points, or wait and ask another. */
    final void retryAfterRoutingError(Endpoint from, RoutingError error) {
        lastObstacle = new SlotraftException(RoutingErrors.describe(from, error));
        log.debug("{}: {}", describe(), lastObstacle.getMessage());
        Endpoint leader = dispatcher.learnFrom(from, error);
        if (leader == null || leader.equals(from)) {
            dispatcher.onNodeUnusable(from);
            retryLater();
            return;
        }
        redirectTarget = leader;
        if (redirectsInARow++ < settings.immediateRedirects()) {
            attempt();
        } else {
            retryLater(); // hints are bouncing between nodes (stale views): let the election settle
        }
    }

    /** The call failed on the wire: retry only if it never left, or may safely run twice. */
    final void retryAfterTransportFailure(Endpoint target, Throwable error) {
        TransportFailure kind = TransportFailure.classify(error);
        if (kind == TransportFailure.REJECTED) {
            fail(new SlotraftException(describe() + " rejected by " + target + ": " + error.getMessage(), error));
            return;
        }
        if (kind == TransportFailure.OUTCOME_UNKNOWN && !safeToRepeat()) {
            fail(new SlotraftIndeterminateException(describe() + " on " + target, error));
            return;
        }
        log.debug("{}: {} failed ({}), trying another node", describe(), target, error.getMessage());
        lastObstacle = error;
        dispatcher.onTransportRetry(target);
        retryLater();
    }

    /** Some of a batch ran: the redirects so far were not a loop. */
    final void madeProgress() {
        redirectsInARow = 0;
    }

    final void complete(R value) {
        result.complete(value);
    }

    final void fail(Throwable error) {
        result.completeExceptionally(error);
    }

    /**
     * The observer for one attempt (a unary call, or a command on a stream): the answer goes to {@code onAnswer}, a failure to the
     * transport rules. Both run guarded, so a bug in a handler fails the call instead of vanishing
     * in a gRPC callback.
     */
    final <A> StreamObserver<A> answerTo(Endpoint target, Consumer<A> onAnswer) {
        return new StreamObserver<>() {
            private A answer;

            @Override
            public void onNext(A value) {
                answer = value;
            }

            @Override
            public void onError(Throwable error) {
                guarded(() -> retryAfterTransportFailure(target, error));
            }

            @Override
            public void onCompleted() {
                guarded(() -> onAnswer.accept(answer));
            }
        };
    }

    private void guarded(Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void retryLater() {
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        try {
            dispatcher.schedule(this::attempt, Math.min(backoff.nextDelayNanos(), remaining));
        } catch (RuntimeException e) {
            fail(new SlotraftException("the client is closed", e));
        }
    }

    private SlotraftTimeoutException timeout() {
        String last = lastObstacle == null ? "" : "; last: " + lastObstacle.getMessage();
        return new SlotraftTimeoutException(
                describe() + ": no answer within " + settings.commandTimeout() + last, lastObstacle);
    }
}
