package io.slotraft.client.command;

import io.slotraft.client.reply.Reply;
import io.slotraft.client.reply.ScanResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The reply shapes of the typed commands. Each is a {@link ReplyDecoder}; errors never reach them. */
public final class Decoders {
    private Decoders() {
    }

    /** A bulk or simple string as bytes; nil is {@code null}. */
    public static byte[] bytes(Reply reply) {
        return reply.asBytes();
    }

    /** A simple or bulk string as text (e.g. OK, PONG, a type name); nil is {@code null}. */
    public static String text(Reply reply) {
        return reply.asString();
    }

    public static Long integer(Reply reply) {
        return reply.asLong();
    }

    /** 1/0 integers (SETNX, EXPIRE, PERSIST...) or a RESP3 boolean. */
    public static Boolean bool(Reply reply) {
        return reply.asBoolean();
    }

    /** INCRBYFLOAT answers a bulk string in RESP2 and a double in RESP3; both are accepted. */
    public static Double floating(Reply reply) {
        return reply.asDouble();
    }

    /** An array of bulk strings in which nil entries stay {@code null} (MGET, KEYS). */
    public static List<byte[]> bytesList(Reply reply) {
        List<Reply> items = reply.asList();
        List<byte[]> out = new ArrayList<>(items.size());
        for (Reply item : items) {
            out.add(item.asBytes());
        }
        return Collections.unmodifiableList(out);
    }

    /** TIME: [unix seconds, microseconds within the second], both as bulk strings. */
    public static Instant time(Reply reply) {
        List<Reply> parts = reply.asList();
        if (parts.size() != 2) {
            throw new IllegalStateException("TIME needs two parts, got " + parts.size());
        }
        long seconds = Long.parseLong(parts.get(0).asString());
        long micros = Long.parseLong(parts.get(1).asString());
        return Instant.ofEpochSecond(seconds, micros * 1_000);
    }

    /** SCAN: [next cursor, [keys...]]. */
    public static ScanResult scan(Reply reply) {
        List<Reply> parts = reply.asList();
        if (parts.size() != 2) {
            throw new IllegalStateException("SCAN needs two parts, got " + parts.size());
        }
        return new ScanResult(parts.get(0).asString(), bytesList(parts.get(1)));
    }

    /** The reply itself, for the generic execute. */
    public static Reply raw(Reply reply) {
        return reply;
    }
}
