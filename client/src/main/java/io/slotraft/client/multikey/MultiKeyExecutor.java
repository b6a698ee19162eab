package io.slotraft.client.multikey;

import io.slotraft.client.command.Command;
import io.slotraft.client.dispatch.Dispatcher;
import io.slotraft.client.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a {@link MultiKeyCommand}: whole when its keys share a slot; otherwise its parts as one batch,
 * which the dispatcher cuts per shard (one ExecuteBatch per shard, all shards in parallel), then
 * joins the answers in the caller's key order.
 */
public final class MultiKeyExecutor {
    private final Dispatcher dispatcher;

    public MultiKeyExecutor(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public <T> CompletableFuture<T> execute(MultiKeyCommand<T> command) {
        List<SlotPart> parts = command.parts();
        if (parts.size() <= 1) {
            return dispatcher.execute(command.whole());
        }
        List<Command<Reply>> partCommands = new ArrayList<>(parts.size());
        parts.forEach(part -> partCommands.add(part.command()));
        return dispatcher.executeBatch(partCommands).thenApply(replies -> command.join(parts, replies));
    }
}
