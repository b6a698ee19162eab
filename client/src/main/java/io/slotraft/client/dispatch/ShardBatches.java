package io.slotraft.client.dispatch;

import io.slotraft.client.command.Command;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.routing.ShardRoute;
import io.slotraft.client.routing.SlotMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Cuts a batch per shard by the current slot map: one {@link BatchCall} (one ExecuteBatch) per
 * shard, all in flight at once, and puts the replies back at the caller's indexes. Keyless commands
 * (PING, INFO...) ride with the group of the batch's first keyed command, since any node can answer
 * them: a batch of one shard stays one round trip in queued order. Within a group the queued order
 * is kept; between groups there is no order, and nothing is atomic.
 */
final class ShardBatches {

    private ShardBatches() {
    }

    static CompletableFuture<List<Reply>> execute(Dispatcher dispatcher, List<Command<Reply>> commands) {
        Map<String, List<Integer>> groups = groupByShard(dispatcher.router().map(), commands);
        if (groups.size() == 1) {
            return dispatcher.startBatch(commands);
        }
        Reply[] replies = new Reply[commands.size()];
        List<CompletableFuture<Void>> parts = new ArrayList<>(groups.size());
        for (List<Integer> indexes : groups.values()) {
            List<Command<Reply>> group = new ArrayList<>(indexes.size());
            indexes.forEach(i -> group.add(commands.get(i)));
            parts.add(dispatcher.startBatch(group).thenAccept(groupReplies -> {
                for (int j = 0; j < indexes.size(); j++) {
                    replies[indexes.get(j)] = groupReplies.get(j);
                }
            }));
        }
        // allOf completes after every part's thenAccept, so every slot of the array is written by then.
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> Collections.unmodifiableList(Arrays.asList(replies)));
    }

    /** Indexes per shard id, groups in order of first appearance, indexes in queued order. */
    static Map<String, List<Integer>> groupByShard(SlotMap map, List<? extends Command<?>> commands) {
        String keylessGroup = commands.stream().filter(command -> command.slot() != Command.NO_SLOT).findFirst()
                .map(command -> groupOf(map, command.slot())).orElse("keyless");
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            int slot = commands.get(i).slot();
            String group = slot == Command.NO_SLOT ? keylessGroup : groupOf(map, slot);
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static String groupOf(SlotMap map, int slot) {
        ShardRoute shard = map.shardOf(slot);
        // A slot no shard owns (a map mid-change) gets a group of its own; its node will redirect.
        return shard == null ? "slot " + slot : "shard " + shard.shardId();
    }
}
