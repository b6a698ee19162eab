package io.slotraft.client;

import static io.slotraft.client.codec.Utf8.encodeArgs;

import io.slotraft.client.command.Command;
import io.slotraft.client.command.ServerCommandBuilder;
import io.slotraft.client.dispatch.Dispatcher;
import io.slotraft.client.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Commands queued here are sent together: grouped per shard by their first key's slot, one
 * ExecuteBatch round trip per shard, every shard at once (keyless commands form one more group, sent
 * to any node). Within one shard they run in the order queued:
 * <pre>{@code
 * Batch batch = client.pipeline();
 * batch.add("SET", "a", "1");
 * batch.add("INCR", "a");
 * List<Reply> replies = batch.execute(); // [OK, 2]
 * }</pre>
 * Each command gets its own reply at its index, whatever shard ran it; a Redis error is an error
 * {@link Reply} there, not an exception, so one failing command does not hide the others. Commands of
 * different shards have no order between them. Not atomic: other clients' commands may run in
 * between, and a batch that fails may have run on some shards (use MULTI/EXEC on one slot for
 * atomicity). A multi-key command in a batch is sent as is, so its keys must share a slot. Not
 * thread-safe; build a batch on one thread.
 */
public final class Batch {
    private final Dispatcher dispatcher;
    private final List<Command<Reply>> commands = new ArrayList<>();

    Batch(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Queues a command; returns its index in the replies. */
    public int add(String name, byte[]... args) {
        commands.add(ServerCommandBuilder.generic(name, args));
        return commands.size() - 1;
    }

    /** Text arguments, UTF-8 encoded. Split first/rest so that {@code add("PING")} is not ambiguous. */
    public int add(String name, String firstArg, String... moreArgs) {
        return add(name, encodeArgs(firstArg, moreArgs));
    }

    public int size() {
        return commands.size();
    }

    /**
     * Sends what is queued and waits. Throws {@link SlotraftIndeterminateException} when a connection
     * broke with a command not safe to repeat still unanswered, since some commands may have run.
     */
    public List<Reply> execute() {
        return Futures.await(executeAsync());
    }

    /** Sends what is queued; the queue is kept, so the same batch can be sent again. */
    public CompletableFuture<List<Reply>> executeAsync() {
        return dispatcher.executeBatch(List.copyOf(commands));
    }
}
