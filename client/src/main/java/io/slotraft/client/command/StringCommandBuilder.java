package io.slotraft.client.command;

import io.slotraft.client.args.GetExArgs;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.reply.KeyValue;
import java.util.List;

/** The string commands: argument layout and reply shape of each, written down once. */
public final class StringCommandBuilder {
    private StringCommandBuilder() {
    }

    public static Command<byte[]> get(byte[] key) {
        return Command.named("GET").key(key).returning(Decoders::bytes);
    }

    public static Command<String> set(byte[] key, byte[] value) {
        return Command.named("SET").key(key).arg(value).returning(Decoders::text);
    }

    /** OK as bytes, the old value with GET, or null when NX/XX kept the key unchanged. */
    public static Command<byte[]> set(byte[] key, byte[] value, SetArgs args) {
        return Command.named("SET").key(key).arg(value).args(args.toArgs()).returning(Decoders::bytes);
    }

    public static Command<Boolean> setnx(byte[] key, byte[] value) {
        return Command.named("SETNX").key(key).arg(value).returning(Decoders::bool);
    }

    public static Command<String> setex(byte[] key, long seconds, byte[] value) {
        return Command.named("SETEX").key(key).arg(seconds).arg(value).returning(Decoders::text);
    }

    public static Command<String> psetex(byte[] key, long millis, byte[] value) {
        return Command.named("PSETEX").key(key).arg(millis).arg(value).returning(Decoders::text);
    }

    public static Command<byte[]> getset(byte[] key, byte[] value) {
        return Command.named("GETSET").key(key).arg(value).returning(Decoders::bytes);
    }

    public static Command<byte[]> getdel(byte[] key) {
        return Command.named("GETDEL").key(key).returning(Decoders::bytes);
    }

    public static Command<byte[]> getex(byte[] key, GetExArgs args) {
        return Command.named("GETEX").key(key).args(args.toArgs()).returning(Decoders::bytes);
    }

    public static Command<List<byte[]>> mget(byte[]... keys) {
        return Command.named("MGET").keys(keys).returning(Decoders::bytesList);
    }

    public static Command<String> mset(List<KeyValue> pairs) {
        return pairs(Command.named("MSET"), pairs).returning(Decoders::text);
    }

    public static Command<Boolean> msetnx(List<KeyValue> pairs) {
        return pairs(Command.named("MSETNX"), pairs).returning(Decoders::bool);
    }

    public static Command<Long> incr(byte[] key) {
        return Command.named("INCR").key(key).returning(Decoders::integer);
    }

    public static Command<Long> incrby(byte[] key, long amount) {
        return Command.named("INCRBY").key(key).arg(amount).returning(Decoders::integer);
    }

    public static Command<Long> decr(byte[] key) {
        return Command.named("DECR").key(key).returning(Decoders::integer);
    }

    public static Command<Long> decrby(byte[] key, long amount) {
        return Command.named("DECRBY").key(key).arg(amount).returning(Decoders::integer);
    }

    public static Command<Double> incrbyfloat(byte[] key, double amount) {
        return Command.named("INCRBYFLOAT").key(key).arg(amount).returning(Decoders::floating);
    }

    public static Command<Long> append(byte[] key, byte[] value) {
        return Command.named("APPEND").key(key).arg(value).returning(Decoders::integer);
    }

    public static Command<Long> strlen(byte[] key) {
        return Command.named("STRLEN").key(key).returning(Decoders::integer);
    }

    public static Command<byte[]> getrange(byte[] key, long start, long end) {
        return Command.named("GETRANGE").key(key).arg(start).arg(end).returning(Decoders::bytes);
    }

    public static Command<Long> setrange(byte[] key, long offset, byte[] value) {
        return Command.named("SETRANGE").key(key).arg(offset).arg(value).returning(Decoders::integer);
    }

    private static Command.Builder pairs(Command.Builder builder, List<KeyValue> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(builder + " needs at least one key and value");
        }
        for (KeyValue pair : pairs) {
            builder.key(pair.key()).arg(pair.value());
        }
        return builder;
    }
}
