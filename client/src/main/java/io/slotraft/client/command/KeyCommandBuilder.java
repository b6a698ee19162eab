package io.slotraft.client.command;

import io.slotraft.client.args.ExpireArgs;
import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.reply.ScanResult;
import java.util.List;

/** The generic key commands: argument layout and reply shape of each, written down once. */
public final class KeyCommandBuilder {
    private KeyCommandBuilder() {
    }

    public static Command<Long> del(byte[]... keys) {
        return Command.named("DEL").keys(keys).returning(Decoders::integer);
    }

    public static Command<Long> unlink(byte[]... keys) {
        return Command.named("UNLINK").keys(keys).returning(Decoders::integer);
    }

    public static Command<Long> exists(byte[]... keys) {
        return Command.named("EXISTS").keys(keys).returning(Decoders::integer);
    }

    public static Command<Long> touch(byte[]... keys) {
        return Command.named("TOUCH").keys(keys).returning(Decoders::integer);
    }

    public static Command<String> type(byte[] key) {
        return Command.named("TYPE").key(key).returning(Decoders::text);
    }

    /**
     * EXPIRE, PEXPIRE, EXPIREAT or PEXPIREAT: the four share one layout, key, amount, condition.
     * The name decides the unit; false means the key is missing or the condition did not hold.
     */
    public static Command<Boolean> expiry(String name, byte[] key, long amount, ExpireArgs args) {
        return Command.named(name).key(key).arg(amount).args(args.toArgs()).returning(Decoders::bool);
    }

    public static Command<Long> ttl(byte[] key) {
        return Command.named("TTL").key(key).returning(Decoders::integer);
    }

    public static Command<Long> pttl(byte[] key) {
        return Command.named("PTTL").key(key).returning(Decoders::integer);
    }

    public static Command<Boolean> persist(byte[] key) {
        return Command.named("PERSIST").key(key).returning(Decoders::bool);
    }

    public static Command<Long> expiretime(byte[] key) {
        return Command.named("EXPIRETIME").key(key).returning(Decoders::integer);
    }

    public static Command<Long> pexpiretime(byte[] key) {
        return Command.named("PEXPIRETIME").key(key).returning(Decoders::integer);
    }

    public static Command<List<byte[]>> keys(byte[] pattern) {
        return Command.named("KEYS").arg(pattern).returning(Decoders::bytesList);
    }

    public static Command<ScanResult> scan(String cursor, ScanArgs args) {
        return Command.named("SCAN").arg(cursor).args(args.toArgs()).returning(Decoders::scan);
    }

    public static Command<String> rename(byte[] key, byte[] newKey) {
        return Command.named("RENAME").key(key).key(newKey).returning(Decoders::text);
    }

    public static Command<Boolean> renamenx(byte[] key, byte[] newKey) {
        return Command.named("RENAMENX").key(key).key(newKey).returning(Decoders::bool);
    }

    public static Command<byte[]> randomkey() {
        return Command.named("RANDOMKEY").returning(Decoders::bytes);
    }
}
