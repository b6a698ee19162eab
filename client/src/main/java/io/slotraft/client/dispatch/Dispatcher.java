package io.slotraft.client.dispatch;

import io.slotraft.client.SlotraftException;
import io.slotraft.client.command.Command;
import io.slotraft.client.metrics.ClientMetrics;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.retry.RetrySettings;
import io.slotraft.client.retry.WriteSession;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.client.transport.CommandTransport;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.SlotraftClientGrpc.SlotraftClientStub;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts calls and owns what they share: the slot router, the channels, the settings, the metrics and
 * the timer for backoff. It is also where calls report what routing errors taught them, so that
 * every command after benefits. Closing it fails every unfinished call, so no caller waits on a
 * closed client.
 */
public final class Dispatcher implements AutoCloseable {
    private final SlotRouter router;
    private final ChannelPool channels;
    private final CommandTransport transport;
    private final RetrySettings settings;
    private final ClientMetrics metrics;
    private final ScheduledExecutorService timer;
    private final Consumer<Endpoint> refreshTopology;
    private final Set<RetryingCall<?>> open = ConcurrentHashMap.newKeySet();
    private final WriteSession writeSession = WriteSession.random();
    private volatile boolean closed;

    /**
     * @param timer           runs backoff waits; shut down by {@link #close()}
     * @param refreshTopology asked to load the topology soon after a routing error, preferably from
     *                        the endpoint given (the leader a redirect named; may be null); a no-op
     *                        when the client is built without refresh on routing errors
     * @param transport       carries single commands (batches go as ExecuteBatch calls); closed by {@link #close()}
     */
    public Dispatcher(SlotRouter router, ChannelPool channels, CommandTransport transport, RetrySettings settings,
            ClientMetrics metrics, ScheduledExecutorService timer, Consumer<Endpoint> refreshTopology) {
        this.router = router;
        this.channels = channels;
        this.transport = transport;
        this.settings = settings;
        this.metrics = metrics;
        this.timer = timer;
        this.refreshTopology = refreshTopology;
    }

    /** To the leader of the command's slot (any node for a keyless one). Cancelling the future stops the retries. */
    public <T> CompletableFuture<T> execute(Command<T> command) {
        return start(new SingleCall<>(this, command, command.slot()));
    }

    /** To the leader of {@code slot}, whatever the command's keys: how keyless commands reach every shard leader. */
    public <T> CompletableFuture<T> executeOnSlot(Command<T> command, int slot) {
        return start(new SingleCall<>(this, command, slot));
    }

    /**
     * One reply per command, in the caller's order; Redis errors are error replies, not exceptions.
     * Commands are grouped per shard, one ExecuteBatch per shard, all shards at once.
     */
    public CompletableFuture<List<Reply>> executeBatch(List<Command<Reply>> commands) {
        if (commands.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return ShardBatches.execute(this, commands);
    }

    public SlotRouter router() {
        return router;
    }

    @Override
    public void close() {
        closed = true;
        SlotraftException closedError = closedError();
        open.forEach(call -> call.fail(closedError));
        timer.shutdownNow();
        transport.close();
        channels.close();
    }

    CompletableFuture<List<Reply>> startBatch(List<Command<Reply>> commands) {
        return start(new BatchCall(this, commands));
    }

    RetrySettings settings() {
        return settings;
    }

    /** Numbers the writes that may be retried only through the node's exactly-once table. */
    WriteSession writeSession() {
        return writeSession;
    }

    /**
     * What a routing error teaches: counts it, records the leader it names for the shard it names,
     * and asks for a fresh topology. Returns the named leader, or null.
     */
    Endpoint learnFrom(Endpoint from, RoutingError error) {
        if (error.hasTryAgain()) {
            metrics.recordTryAgain();
        } else {
            metrics.recordRedirect();
        }
        Endpoint leader = RoutingErrors.namedLeader(error);
        if (leader != null && !leader.equals(from)) {
            router.onLeaderHint(RoutingErrors.shardId(error), RoutingErrors.slot(error), leader);
        }
        refreshTopology.accept(leader);
        return leader;
    }

    /** The node cannot serve now (no leader to offer, or unreachable): route around it and relearn. */
    void onNodeUnusable(Endpoint node) {
        router.onNodeUnusable(node);
        refreshTopology.accept(null);
    }

    void onTransportRetry(Endpoint node) {
        metrics.recordTransportRetry();
        onNodeUnusable(node);
    }

    CommandTransport transport() {
        return transport;
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
