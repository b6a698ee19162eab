package io.slotraft.client.api.async;

import static io.slotraft.client.codec.Utf8.encode;

import io.slotraft.client.codec.Utf8;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Connection and server commands. */
public interface ServerAsyncCommands {

    /** "PONG". */
    CompletableFuture<String> ping();

    CompletableFuture<byte[]> echo(byte[] message);

    /** The server's clock, to the microsecond. */
    CompletableFuture<Instant> time();

    CompletableFuture<Long> dbsize();

    /** Removes every key; "OK". */
    CompletableFuture<String> flushall();

    default CompletableFuture<String> echo(String message) {
        return echo(encode(message)).thenApply(Utf8::decode);
    }
}
