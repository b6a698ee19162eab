package io.slotraft.client.api.async;

import static io.slotraft.client.codec.Utf8.encode;
import static io.slotraft.client.codec.Utf8.encodeAll;

import io.slotraft.client.args.ExpireArgs;
import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.reply.ScanResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Commands on keys of any type. The expiry setters complete with false when nothing changed. */
public interface KeyAsyncCommands {

    /** How many of the keys existed and were removed. */
    CompletableFuture<Long> del(byte[]... keys);

    CompletableFuture<Long> unlink(byte[]... keys);

    /** How many of the keys exist, counting a repeated key each time. */
    CompletableFuture<Long> exists(byte[]... keys);

    /** How many of the keys exist; Redis also marks them as just used, which Slotraft has no use for. */
    CompletableFuture<Long> touch(byte[]... keys);

    /** "string", "list", ... or "none". */
    CompletableFuture<String> type(byte[] key);

    CompletableFuture<Boolean> expire(byte[] key, long seconds, ExpireArgs args);

    CompletableFuture<Boolean> pexpire(byte[] key, long millis, ExpireArgs args);

    CompletableFuture<Boolean> expireat(byte[] key, long unixSeconds, ExpireArgs args);

    CompletableFuture<Boolean> pexpireat(byte[] key, long unixMillis, ExpireArgs args);

    /** Seconds left; -1 without expiry, -2 for a missing key. */
    CompletableFuture<Long> ttl(byte[] key);

    CompletableFuture<Long> pttl(byte[] key);

    CompletableFuture<Boolean> persist(byte[] key);

    /** The Unix time in seconds the key expires at; -1 without expiry, -2 for a missing key. */
    CompletableFuture<Long> expiretime(byte[] key);

    CompletableFuture<Long> pexpiretime(byte[] key);

    CompletableFuture<List<byte[]>> keys(byte[] pattern);

    /** One step of an iteration; start with cursor "0" and stop when {@link ScanResult#isFinished()}. */
    CompletableFuture<ScanResult> scan(String cursor, ScanArgs args);

    CompletableFuture<String> rename(byte[] key, byte[] newKey);

    CompletableFuture<Boolean> renamenx(byte[] key, byte[] newKey);

    /** A random key, or null when the database is empty. */
    CompletableFuture<byte[]> randomkeyBytes();

    default CompletableFuture<Boolean> expire(byte[] key, long seconds) {
        return expire(key, seconds, new ExpireArgs());
    }

    default CompletableFuture<Boolean> pexpire(byte[] key, long millis) {
        return pexpire(key, millis, new ExpireArgs());
    }

    default CompletableFuture<Boolean> expireat(byte[] key, long unixSeconds) {
        return expireat(key, unixSeconds, new ExpireArgs());
    }

    default CompletableFuture<Boolean> pexpireat(byte[] key, long unixMillis) {
        return pexpireat(key, unixMillis, new ExpireArgs());
    }

    default CompletableFuture<ScanResult> scan(String cursor) {
        return scan(cursor, new ScanArgs());
    }

    default CompletableFuture<Long> del(String... keys) {
        return del(encodeAll(keys));
    }

    default CompletableFuture<Long> unlink(String... keys) {
        return unlink(encodeAll(keys));
    }

    default CompletableFuture<Long> exists(String... keys) {
        return exists(encodeAll(keys));
    }

    default CompletableFuture<Long> touch(String... keys) {
        return touch(encodeAll(keys));
    }

    default CompletableFuture<String> type(String key) {
        return type(encode(key));
    }

    default CompletableFuture<Boolean> expire(String key, long seconds) {
        return expire(encode(key), seconds);
    }

    default CompletableFuture<Boolean> expire(String key, long seconds, ExpireArgs args) {
        return expire(encode(key), seconds, args);
    }

    default CompletableFuture<Boolean> pexpire(String key, long millis) {
        return pexpire(encode(key), millis);
    }

    default CompletableFuture<Boolean> pexpire(String key, long millis, ExpireArgs args) {
        return pexpire(encode(key), millis, args);
    }

    default CompletableFuture<Boolean> expireat(String key, long unixSeconds) {
        return expireat(encode(key), unixSeconds);
    }

    default CompletableFuture<Boolean> expireat(String key, long unixSeconds, ExpireArgs args) {
        return expireat(encode(key), unixSeconds, args);
    }

    default CompletableFuture<Boolean> pexpireat(String key, long unixMillis) {
        return pexpireat(encode(key), unixMillis);
    }

    default CompletableFuture<Boolean> pexpireat(String key, long unixMillis, ExpireArgs args) {
        return pexpireat(encode(key), unixMillis, args);
    }

    default CompletableFuture<Long> ttl(String key) {
        return ttl(encode(key));
    }

    default CompletableFuture<Long> pttl(String key) {
        return pttl(encode(key));
    }

    default CompletableFuture<Boolean> persist(String key) {
        return persist(encode(key));
    }

    default CompletableFuture<Long> expiretime(String key) {
        return expiretime(encode(key));
    }

    default CompletableFuture<Long> pexpiretime(String key) {
        return pexpiretime(encode(key));
    }

    default CompletableFuture<List<String>> keys(String pattern) {
        return keys(encode(pattern)).thenApply(Utf8::decodeAll);
    }

    default CompletableFuture<String> rename(String key, String newKey) {
        return rename(encode(key), encode(newKey));
    }

    default CompletableFuture<Boolean> renamenx(String key, String newKey) {
        return renamenx(encode(key), encode(newKey));
    }

    default CompletableFuture<String> randomkey() {
        return randomkeyBytes().thenApply(Utf8::decode);
    }
}
