package io.slotraft.client.api.async;

import static io.slotraft.client.codec.Utf8.encodeArgs;

import io.slotraft.client.reply.Reply;
import java.util.concurrent.CompletableFuture;

/** Every asynchronous command, plus {@link #execute} for commands without a typed method. */
public interface SlotraftAsyncCommands extends StringAsyncCommands, KeyAsyncCommands, ServerAsyncCommands {

    /**
     * Runs any command by name, e.g. {@code execute("HSET", key, field, value)}. A Redis error reply
     * fails the future with {@code SlotraftCommandException}. Unknown commands are never retried after
     * a lost connection, since the client cannot tell whether they are safe to repeat.
     */
    CompletableFuture<Reply> execute(String name, byte[]... args);

    /** Text arguments, UTF-8 encoded. Split first/rest so that {@code execute("PING")} is not ambiguous. */
    default CompletableFuture<Reply> execute(String name, String firstArg, String... moreArgs) {
        return execute(name, encodeArgs(firstArg, moreArgs));
    }
}
