package io.slotraft.client.fanout;

import io.slotraft.client.command.Command;
import io.slotraft.client.command.KeyCommandBuilder;
import io.slotraft.client.command.ServerCommandBuilder;
import io.slotraft.client.dispatch.Dispatcher;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keyless commands about the whole keyspace, sent to every node that leads a shard (one request per
 * node, whatever number of shards it leads) and their answers combined. A node answers such a
 * command for the shards it leads, so asking every leader node covers every shard once. The answers
 * are taken at slightly different moments on different nodes: across shards they are a sum or a
 * union, not a snapshot; during a leader change a shard may be counted twice or missed.
 */
public final class LeaderFanout {
    private final Dispatcher dispatcher;

    public LeaderFanout(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** DBSIZE: the sum of every leader node's count. */
    public CompletableFuture<Long> dbsize() {
        return toEveryLeader(ServerCommandBuilder.dbsize()).thenApply(counts -> counts.stream().mapToLong(Long::longValue).sum());
    }

    /** FLUSHALL on every leader node; "OK" once all said OK (a failure may leave some shards flushed). */
    public CompletableFuture<String> flushall() {
        return toEveryLeader(ServerCommandBuilder.flushall()).thenApply(replies -> "OK");
    }

    /** KEYS: every leader node's matches, each key once, in the order the nodes answered them. */
    public CompletableFuture<List<byte[]>> keys(byte[] pattern) {
        return toEveryLeader(KeyCommandBuilder.keys(pattern)).thenApply(LeaderFanout::distinct);
    }

    /** RANDOMKEY from one leader node picked at random; null when that node's shards are empty. */
    public CompletableFuture<byte[]> randomkey() {
        List<Integer> slots = dispatcher.router().map().oneSlotPerLeader();
        int slot = slots.get(ThreadLocalRandom.current().nextInt(slots.size()));
        return dispatcher.executeOnSlot(KeyCommandBuilder.randomkey(), slot);
    }

    /** The command's answer from every leader node, in the order of {@code SlotMap.oneSlotPerLeader()}. */
    public <T> CompletableFuture<List<T>> toEveryLeader(Command<T> command) {
        List<CompletableFuture<T>> answers = new ArrayList<>();
        for (int slot : dispatcher.router().map().oneSlotPerLeader()) {
            answers.add(dispatcher.executeOnSlot(command, slot));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<T> values = new ArrayList<>(answers.size());
            answers.forEach(answer -> values.add(answer.join()));
            return values;
        });
    }

    /** A node that answers for every shard it hosts (not only those it leads) would repeat keys: drop repeats. */
    private static List<byte[]> distinct(List<List<byte[]>> perNode) {
        Set<ByteBuffer> seen = new LinkedHashSet<>();
        List<byte[]> keys = new ArrayList<>();
        for (List<byte[]> nodeKeys : perNode) {
            for (byte[] key : nodeKeys) {
                if (seen.add(ByteBuffer.wrap(key))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
