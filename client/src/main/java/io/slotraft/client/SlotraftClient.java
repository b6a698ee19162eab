package io.slotraft.client;

import io.grpc.ManagedChannel;
import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.client.api.sync.SlotraftCommands;
import io.slotraft.client.dispatch.Dispatcher;
import io.slotraft.client.retry.RetrySettings;
import io.slotraft.client.routing.ChannelPool;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.LeaderTracker;
import java.util.List;
import java.util.function.Function;

/**
 * A connection to a Slotraft cluster over gRPC:
 * <pre>{@code
 * try (SlotraftClient client = SlotraftClient.connect("127.0.0.1:7101", "127.0.0.1:7102")) {
 *     client.sync().set("greeting", "hello");
 *     client.async().get("greeting").thenAccept(System.out::println);
 * }
 * }</pre>
 * Thread-safe; meant to be shared by the whole application. It follows the leader by itself
 * (NOT_LEADER redirects, elections), retries what is safe to retry, and opens one channel per node on
 * first use. {@link #close()} closes the channels and fails commands still running.
 */
public final class SlotraftClient implements AutoCloseable {
    private final Dispatcher dispatcher;
    private final SlotraftAsyncCommands async;
    private final SlotraftCommands sync;

    SlotraftClient(List<Endpoint> seeds, RetrySettings settings, Function<Endpoint, ManagedChannel> channelFactory) {
        this.dispatcher = new Dispatcher(new LeaderTracker(seeds), new ChannelPool(channelFactory), settings);
        this.async = new AsyncCommandsImpl(dispatcher);
        this.sync = new SyncCommandsImpl(async);
    }

    public static SlotraftClientBuilder builder() {
        return new SlotraftClientBuilder();
    }

    /** A client with default settings; seeds are nodes' gRPC addresses, {@code host:port}. */
    public static SlotraftClient connect(String... seeds) {
        return builder().seeds(seeds).build();
    }

    /** The blocking API. */
    public SlotraftCommands sync() {
        return sync;
    }

    /** The non-blocking API: every method returns a CompletableFuture. */
    public SlotraftAsyncCommands async() {
        return async;
    }

    /** A new, empty batch: commands sent together in one round trip. */
    public Batch pipeline() {
        return new Batch(dispatcher);
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
