package io.slotraft.client.command;

import io.slotraft.client.SlotraftException;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.v1.MapEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the wire's proto reply to the client's {@link Reply}, recursively. */
public final class ProtoReplies {
    private ProtoReplies() {
    }

    public static Reply toReply(io.slotraft.proto.v1.Reply proto) {
        switch (proto.getKindCase()) {
            case SIMPLE:
                return Reply.simple(proto.getSimple());
            case ERROR:
                return Reply.error(proto.getError());
            case INTEGER:
                return Reply.integer(proto.getInteger());
            case BULK:
                return Reply.bulk(proto.getBulk().toByteArray());
            case NIL:
                return Reply.nil();
            case ARRAY:
                return Reply.array(toReplies(proto.getArray().getItemsList()));
            case DOUBLE:
                return Reply.doubleValue(proto.getDouble());
            case MAP:
                return Reply.map(toMap(proto.getMap().getEntriesList()));
            case BOOLEAN:
                return Reply.bool(proto.getBoolean());
            case SET:
                return Reply.set(toReplies(proto.getSet().getItemsList()));
            default:
                // An empty oneof means a newer or broken server; guessing nil would hide it.
                throw new SlotraftException("reply without a kind: " + proto);
        }
    }

    private static List<Reply> toReplies(List<io.slotraft.proto.v1.Reply> items) {
        List<Reply> out = new ArrayList<>(items.size());
        for (io.slotraft.proto.v1.Reply item : items) {
            out.add(toReply(item));
        }
        return out;
    }

    private static Map<Reply, Reply> toMap(List<MapEntry> entries) {
        Map<Reply, Reply> out = new LinkedHashMap<>();
        for (MapEntry entry : entries) {
            out.put(toReply(entry.getKey()), toReply(entry.getValue()));
        }
        return out;
    }
}
