package io.slotraft.client.api.async;

import static io.slotraft.client.codec.Utf8.encode;
import static io.slotraft.client.codec.Utf8.encodeAll;

import io.slotraft.client.args.GetExArgs;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.reply.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** String commands. Values that are nil complete with {@code null}. */
public interface StringAsyncCommands {

    CompletableFuture<byte[]> get(byte[] key);

    /** Always "OK". */
    CompletableFuture<String> set(byte[] key, byte[] value);

    /** "OK" as bytes, the old value when {@link SetArgs#get()} is set, or null when NX/XX did not hold. */
    CompletableFuture<byte[]> set(byte[] key, byte[] value, SetArgs args);

    CompletableFuture<Boolean> setnx(byte[] key, byte[] value);

    CompletableFuture<String> setex(byte[] key, long seconds, byte[] value);

    CompletableFuture<String> psetex(byte[] key, long millis, byte[] value);

    CompletableFuture<byte[]> getset(byte[] key, byte[] value);

    CompletableFuture<byte[]> getdel(byte[] key);

    CompletableFuture<byte[]> getex(byte[] key, GetExArgs args);

    /** One entry per key, in order; null for a missing key. */
    CompletableFuture<List<byte[]>> mget(byte[]... keys);

    CompletableFuture<String> mset(List<KeyValue> pairs);

    CompletableFuture<Boolean> msetnx(List<KeyValue> pairs);

    CompletableFuture<Long> incr(byte[] key);

    CompletableFuture<Long> incrby(byte[] key, long amount);

    CompletableFuture<Long> decr(byte[] key);

    CompletableFuture<Long> decrby(byte[] key, long amount);

    CompletableFuture<Double> incrbyfloat(byte[] key, double amount);

    /** The length after appending. */
    CompletableFuture<Long> append(byte[] key, byte[] value);

    CompletableFuture<Long> strlen(byte[] key);

    CompletableFuture<byte[]> getrange(byte[] key, long start, long end);

    /** The length after the write. */
    CompletableFuture<Long> setrange(byte[] key, long offset, byte[] value);

    default CompletableFuture<String> get(String key) {
        return get(encode(key)).thenApply(Utf8::decode);
    }

    default CompletableFuture<String> set(String key, String value) {
        return set(encode(key), encode(value));
    }

    default CompletableFuture<String> set(String key, String value, SetArgs args) {
        return set(encode(key), encode(value), args).thenApply(Utf8::decode);
    }

    default CompletableFuture<Boolean> setnx(String key, String value) {
        return setnx(encode(key), encode(value));
    }

    default CompletableFuture<String> setex(String key, long seconds, String value) {
        return setex(encode(key), seconds, encode(value));
    }

    default CompletableFuture<String> psetex(String key, long millis, String value) {
        return psetex(encode(key), millis, encode(value));
    }

    default CompletableFuture<String> getset(String key, String value) {
        return getset(encode(key), encode(value)).thenApply(Utf8::decode);
    }

    default CompletableFuture<String> getdel(String key) {
        return getdel(encode(key)).thenApply(Utf8::decode);
    }

    default CompletableFuture<String> getex(String key, GetExArgs args) {
        return getex(encode(key), args).thenApply(Utf8::decode);
    }

    default CompletableFuture<List<String>> mget(String... keys) {
        return mget(encodeAll(keys)).thenApply(Utf8::decodeAll);
    }

    /** Pass an ordered map (LinkedHashMap) to fix the order keys are written in. */
    default CompletableFuture<String> mset(Map<String, String> pairs) {
        return mset(KeyValue.fromMap(pairs));
    }

    default CompletableFuture<Boolean> msetnx(Map<String, String> pairs) {
        return msetnx(KeyValue.fromMap(pairs));
    }

    default CompletableFuture<Long> incr(String key) {
        return incr(encode(key));
    }

    default CompletableFuture<Long> incrby(String key, long amount) {
        return incrby(encode(key), amount);
    }

    default CompletableFuture<Long> decr(String key) {
        return decr(encode(key));
    }

    default CompletableFuture<Long> decrby(String key, long amount) {
        return decrby(encode(key), amount);
    }

    default CompletableFuture<Double> incrbyfloat(String key, double amount) {
        return incrbyfloat(encode(key), amount);
    }

    default CompletableFuture<Long> append(String key, String value) {
        return append(encode(key), encode(value));
    }

    default CompletableFuture<Long> strlen(String key) {
        return strlen(encode(key));
    }

    default CompletableFuture<String> getrange(String key, long start, long end) {
        return getrange(encode(key), start, end).thenApply(Utf8::decode);
    }

    default CompletableFuture<Long> setrange(String key, long offset, String value) {
        return setrange(encode(key), offset, encode(value));
    }
}
