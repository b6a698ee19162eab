package io.slotraft.client.api.sync;

import static io.slotraft.client.codec.Utf8.encode;
import static io.slotraft.client.codec.Utf8.encodeAll;

import io.slotraft.client.args.GetExArgs;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.reply.KeyValue;
import java.util.List;
import java.util.Map;

/** String commands. Nil values are returned as {@code null}. */
public interface StringCommands {

    byte[] get(byte[] key);

    /** Always "OK". */
    String set(byte[] key, byte[] value);

    /** "OK" as bytes, the old value when {@link SetArgs#get()} is set, or null when NX/XX did not hold. */
    byte[] set(byte[] key, byte[] value, SetArgs args);

    Boolean setnx(byte[] key, byte[] value);

    String setex(byte[] key, long seconds, byte[] value);

    String psetex(byte[] key, long millis, byte[] value);

    byte[] getset(byte[] key, byte[] value);

    byte[] getdel(byte[] key);

    byte[] getex(byte[] key, GetExArgs args);

    /** One entry per key, in order; null for a missing key. */
    List<byte[]> mget(byte[]... keys);

    String mset(List<KeyValue> pairs);

    Boolean msetnx(List<KeyValue> pairs);

    Long incr(byte[] key);

    Long incrby(byte[] key, long amount);

    Long decr(byte[] key);

    Long decrby(byte[] key, long amount);

    Double incrbyfloat(byte[] key, double amount);

    /** The length after appending. */
    Long append(byte[] key, byte[] value);

    Long strlen(byte[] key);

    byte[] getrange(byte[] key, long start, long end);

    /** The length after the write. */
    Long setrange(byte[] key, long offset, byte[] value);

    default String get(String key) {
        return Utf8.decode(get(encode(key)));
    }

    default String set(String key, String value) {
        return set(encode(key), encode(value));
    }

    default String set(String key, String value, SetArgs args) {
        return Utf8.decode(set(encode(key), encode(value), args));
    }

    default Boolean setnx(String key, String value) {
        return setnx(encode(key), encode(value));
    }

    default String setex(String key, long seconds, String value) {
        return setex(encode(key), seconds, encode(value));
    }

    default String psetex(String key, long millis, String value) {
        return psetex(encode(key), millis, encode(value));
    }

    default String getset(String key, String value) {
        return Utf8.decode(getset(encode(key), encode(value)));
    }

    default String getdel(String key) {
        return Utf8.decode(getdel(encode(key)));
    }

    default String getex(String key, GetExArgs args) {
        return Utf8.decode(getex(encode(key), args));
    }

    default List<String> mget(String... keys) {
        return Utf8.decodeAll(mget(encodeAll(keys)));
    }

    /** Pass an ordered map (LinkedHashMap) to fix the order keys are written in. */
    default String mset(Map<String, String> pairs) {
        return mset(KeyValue.fromMap(pairs));
    }

    default Boolean msetnx(Map<String, String> pairs) {
        return msetnx(KeyValue.fromMap(pairs));
    }

    default Long incr(String key) {
        return incr(encode(key));
    }

    default Long incrby(String key, long amount) {
        return incrby(encode(key), amount);
    }

    default Long decr(String key) {
        return decr(encode(key));
    }

    default Long decrby(String key, long amount) {
        return decrby(encode(key), amount);
    }

    default Double incrbyfloat(String key, double amount) {
        return incrbyfloat(encode(key), amount);
    }

    default Long append(String key, String value) {
        return append(encode(key), encode(value));
    }

    default Long strlen(String key) {
        return strlen(encode(key));
    }

    default String getrange(String key, long start, long end) {
        return Utf8.decode(getrange(encode(key), start, end));
    }

    default Long setrange(String key, long offset, String value) {
        return setrange(encode(key), offset, encode(value));
    }
}
