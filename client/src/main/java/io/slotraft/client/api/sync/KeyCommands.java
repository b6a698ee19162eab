package io.slotraft.client.api.sync;

import static io.slotraft.client.codec.Utf8.encode;
import static io.slotraft.client.codec.Utf8.encodeAll;

import io.slotraft.client.args.ExpireArgs;
import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.reply.ScanResult;
import java.util.List;

/** Commands on keys of any type. The expiry setters return false when nothing changed. */
public interface KeyCommands {

    /** How many of the keys existed and were removed. */
    Long del(byte[]... keys);

    Long unlink(byte[]... keys);

    /** How many of the keys exist, counting a repeated key each time. */
    Long exists(byte[]... keys);

    /** How many of the keys exist; Redis also marks them as just used, which Slotraft has no use for. */
    Long touch(byte[]... keys);

    /** "string", "list", ... or "none". */
    String type(byte[] key);

    Boolean expire(byte[] key, long seconds, ExpireArgs args);

    Boolean pexpire(byte[] key, long millis, ExpireArgs args);

    Boolean expireat(byte[] key, long unixSeconds, ExpireArgs args);

    Boolean pexpireat(byte[] key, long unixMillis, ExpireArgs args);

    /** Seconds left; -1 without expiry, -2 for a missing key. */
    Long ttl(byte[] key);

    Long pttl(byte[] key);

    Boolean persist(byte[] key);

    /** The Unix time in seconds the key expires at; -1 without expiry, -2 for a missing key. */
    Long expiretime(byte[] key);

    Long pexpiretime(byte[] key);

    List<byte[]> keys(byte[] pattern);

    /** One step of an iteration; start with cursor "0" and stop when {@link ScanResult#isFinished()}. */
    ScanResult scan(String cursor, ScanArgs args);

    String rename(byte[] key, byte[] newKey);

    Boolean renamenx(byte[] key, byte[] newKey);

    /** A random key, or null when the database is empty. */
    byte[] randomkeyBytes();

    default Boolean expire(byte[] key, long seconds) {
        return expire(key, seconds, new ExpireArgs());
    }

    default Boolean pexpire(byte[] key, long millis) {
        return pexpire(key, millis, new ExpireArgs());
    }

    default Boolean expireat(byte[] key, long unixSeconds) {
        return expireat(key, unixSeconds, new ExpireArgs());
    }

    default Boolean pexpireat(byte[] key, long unixMillis) {
        return pexpireat(key, unixMillis, new ExpireArgs());
    }

    default ScanResult scan(String cursor) {
        return scan(cursor, new ScanArgs());
    }

    default Long del(String... keys) {
        return del(encodeAll(keys));
    }

    default Long unlink(String... keys) {
        return unlink(encodeAll(keys));
    }

    default Long exists(String... keys) {
        return exists(encodeAll(keys));
    }

    default Long touch(String... keys) {
        return touch(encodeAll(keys));
    }

    default String type(String key) {
        return type(encode(key));
    }

    default Boolean expire(String key, long seconds) {
        return expire(encode(key), seconds);
    }

    default Boolean expire(String key, long seconds, ExpireArgs args) {
        return expire(encode(key), seconds, args);
    }

    default Boolean pexpire(String key, long millis) {
        return pexpire(encode(key), millis);
    }

    default Boolean pexpire(String key, long millis, ExpireArgs args) {
        return pexpire(encode(key), millis, args);
    }

    default Boolean expireat(String key, long unixSeconds) {
        return expireat(encode(key), unixSeconds);
    }

    default Boolean expireat(String key, long unixSeconds, ExpireArgs args) {
        return expireat(encode(key), unixSeconds, args);
    }

    default Boolean pexpireat(String key, long unixMillis) {
        return pexpireat(encode(key), unixMillis);
    }

    default Boolean pexpireat(String key, long unixMillis, ExpireArgs args) {
        return pexpireat(encode(key), unixMillis, args);
    }

    default Long ttl(String key) {
        return ttl(encode(key));
    }

    default Long pttl(String key) {
        return pttl(encode(key));
    }

    default Boolean persist(String key) {
        return persist(encode(key));
    }

    default Long expiretime(String key) {
        return expiretime(encode(key));
    }

    default Long pexpiretime(String key) {
        return pexpiretime(encode(key));
    }

    default List<String> keys(String pattern) {
        return Utf8.decodeAll(keys(encode(pattern)));
    }

    default String rename(String key, String newKey) {
        return rename(encode(key), encode(newKey));
    }

    default Boolean renamenx(String key, String newKey) {
        return renamenx(encode(key), encode(newKey));
    }

    default String randomkey() {
        return Utf8.decode(randomkeyBytes());
    }
}
