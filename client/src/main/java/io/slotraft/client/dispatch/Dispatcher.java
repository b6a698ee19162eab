package io.slotraft.client.dispatch;

import io.slotraft.client.SlotraftException;
import io.slotraft.client.command.Command;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.retry.RetrySettings;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.LeaderTracker;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.SlotraftClientGrpc.SlotraftClientStub;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts calls and owns what they share: the leader tracker, the channels, the settings and one timer
 * thread for backoff. Closing it fails every unfinished call, so no caller waits on a closed client.
 */
public final class Dispatcher implements AutoCloseable {
    private final LeaderTracker tracker;
    private final ChannelPool channels;
    private final RetrySettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slotraft-client-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<RetryingCall<?>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public Dispatcher(LeaderTracker tracker, ChannelPool channels, RetrySettings settings) {
        this.tracker = tracker;
        this.channels = channels;
        this.settings = settings;
    }

    /** Cancelling the returned future stops the retries. */
    public <T> CompletableFuture<T> execute(Command<T> command) {
        return start(new SingleCall<>(this, command));
    }

    /** One reply per command, in order; Redis errors are error replies, not exceptions. */
    public CompletableFuture<List<Reply>> executeBatch(List<Command<Reply>> commands) {
        if (commands.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return start(new BatchCall(this, commands));
    }

    @Override
    public void close() {
        closed = true;
        SlotraftException closedError = closedError();
        open.forEach(call -> call.fail(closedError));
        timer.shutdownNow();
        channels.close();
    }

    LeaderTracker tracker() {
        return tracker;
    }

    RetrySettings settings() {
        return settings;
    }

    SlotraftClientStub stub(Endpoint target, long timeoutNanos) {
        return SlotraftClientGrpc.newStub(channels.channel(target)).withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    void schedule(Runnable task, long delayNanos) {
        timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    private <R> CompletableFuture<R> start(RetryingCall<R> call) {
        open.add(call);
        call.result.whenComplete((value, error) -> open.remove(call));
        // Checked after registering, so a close() racing with this start either sees the call or is seen.
        if (closed) {
            call.fail(closedError());
        }
        call.attempt();
        return call.result;
    }

    private static SlotraftException closedError() {
        return new SlotraftException("the client is closed");
    }
}
