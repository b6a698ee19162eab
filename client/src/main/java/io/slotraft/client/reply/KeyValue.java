package io.slotraft.client.reply;

import io.slotraft.client.codec.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A key and its value, as MSET and MSETNX take them in the binary API. A {@code Map<byte[], byte[]>}
 * would compare keys by identity, so the binary API takes a list of these instead.
 */
public final class KeyValue {
    private final byte[] key;
    private final byte[] value;

    private KeyValue(byte[] key, byte[] value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
    }

    public static KeyValue of(byte[] key, byte[] value) {
        return new KeyValue(key.clone(), value.clone());
    }

    public static KeyValue of(String key, String value) {
        return new KeyValue(Utf8.encode(key), Utf8.encode(value));
    }

    /** The map's entries in its iteration order, UTF-8 encoded. */
    public static List<KeyValue> fromMap(Map<String, String> pairs) {
        List<KeyValue> out = new ArrayList<>(pairs.size());
        pairs.forEach((key, value) -> out.add(of(key, value)));
        return out;
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] value() {
        return value.clone();
    }

    @Override
    public String toString() {
        return Utf8.decode(key) + '=' + Utf8.decode(value);
    }
}
