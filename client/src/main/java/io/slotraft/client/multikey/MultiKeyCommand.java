package io.slotraft.client.multikey;

import io.slotraft.client.SlotraftCommandException;
import io.slotraft.client.command.Command;
import io.slotraft.client.command.Decoders;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command over keys that may hash to many slots (MGET, MSET, DEL, UNLINK, EXISTS, TOUCH). A node
 * runs a multi-key command only when all its keys share a slot (CROSSSLOT otherwise, as in Redis
 * Cluster), so the client cuts it into one {@link SlotPart} per slot and joins the parts' answers.
 * When every key is in one slot the command is sent whole and is atomic as usual.
 *
 * <p>Parts run independently: they are not atomic together, another client may see some parts'
 * effects before others', and when a part fails the others may have applied (an MSET over several
 * shards can set some keys and not others).
 */
public final class MultiKeyCommand<T> {
    private final Command<T> whole;
    private final List<byte[]> keys;
    private final PartBuilder partBuilder;
    private final Joiner<T> joiner;

    private MultiKeyCommand(Command<T> whole, List<byte[]> keys, PartBuilder partBuilder, Joiner<T> joiner) {
        this.whole = whole;
        this.keys = keys;
        this.partBuilder = partBuilder;
        this.joiner = joiner;
    }

    /** MGET: the values in the caller's key order, null for missing keys. */
    public static MultiKeyCommand<List<byte[]>> mget(Command<List<byte[]>> whole, List<byte[]> keys) {
        return new MultiKeyCommand<>(whole, keys, indexes -> withKeys("MGET", keys, indexes, null),
                MultiKeyCommand::valuesInKeyOrder);
    }

    /** MSET: OK once every part said OK. */
    public static MultiKeyCommand<String> mset(Command<String> whole, List<byte[]> keys, List<byte[]> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
        }
        return new MultiKeyCommand<>(whole, keys, indexes -> withKeys("MSET", keys, indexes, values),
                (keyCount, parts, replies) -> "OK");
    }

    /** DEL, UNLINK, EXISTS, TOUCH: each part counts its keys; the answer is the sum. */
    public static MultiKeyCommand<Long> counting(Command<Long> whole, List<byte[]> keys) {
        String name = whole.name();
        return new MultiKeyCommand<>(whole, keys, indexes -> withKeys(name, keys, indexes, null),
                (keyCount, parts, replies) -> replies.stream().mapToLong(Reply::asLong).sum());
    }

    /** The command unsplit: what to send when all keys share a slot. */
    public Command<T> whole() {
        return whole;
    }

    /** One part per slot, in the order of each slot's first key; within a part, keys in the caller's order. */
    public List<SlotPart> parts() {
        Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            bySlot.computeIfAbsent(SlotHash.slot(keys.get(i)), slot -> new ArrayList<>()).add(i);
        }
        List<SlotPart> parts = new ArrayList<>(bySlot.size());
        bySlot.forEach((slot, indexList) -> {
            int[] indexes = indexList.stream().mapToInt(Integer::intValue).toArray();
            parts.add(new SlotPart(slot, indexes, partBuilder.build(indexes)));
        });
        return parts;
    }

    /**
     * The caller's answer from the parts' replies ({@code replies.get(i)} answers {@code parts.get(i)}).
     * A Redis error in any part is thrown, as the whole command's error would be.
     */
    public T join(List<SlotPart> parts, List<Reply> replies) {
        for (Reply reply : replies) {
            if (reply.isError()) {
                throw new SlotraftCommandException(reply.errorMessage());
            }
        }
        return joiner.join(keys.size(), parts, replies);
    }

    private static Command<Reply> withKeys(String name, List<byte[]> keys, int[] indexes, List<byte[]> values) {
        Command.Builder builder = Command.named(name);
        for (int index : indexes) {
            builder.key(keys.get(index));
            if (values != null) {
                builder.arg(values.get(index));
            }
        }
        return builder.returning(Decoders::raw);
    }

    private static List<byte[]> valuesInKeyOrder(int keyCount, List<SlotPart> parts, List<Reply> replies) {
        byte[][] values = new byte[keyCount][];
        for (int p = 0; p < parts.size(); p++) {
            List<byte[]> partValues = Decoders.bytesList(replies.get(p));
            int[] indexes = parts.get(p).keyIndexes();
            if (partValues.size() != indexes.length) {
                throw new IllegalStateException("MGET part answered " + partValues.size() + " values for "
                        + indexes.length + " keys");
            }
            for (int j = 0; j < indexes.length; j++) {
                values[indexes[j]] = partValues.get(j);
            }
        }
        // Arrays.asList keeps nulls (missing keys), which List.of would refuse.
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Builds the part command for the keys at these caller indexes. */
    @FunctionalInterface
    private interface PartBuilder {
        Command<Reply> build(int[] keyIndexes);
    }

    @FunctionalInterface
    private interface Joiner<T> {
        T join(int keyCount, List<SlotPart> parts, List<Reply> replies);
    }
}
