package io.slotraft.client.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** UTF-8 conversions used by every String overload; {@code null} maps to {@code null} (Redis nil). */
public final class Utf8 {
    private Utf8() {
    }

    public static byte[] encode(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    public static String decode(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public static byte[][] encodeAll(String... texts) {
        byte[][] out = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            out[i] = encode(texts[i]);
        }
        return out;
    }

    /** For {@code (name, first, more...)} overloads, which keep {@code execute("PING")} unambiguous. */
    public static byte[][] encodeArgs(String first, String... more) {
        byte[][] out = new byte[more.length + 1][];
        out[0] = encode(first);
        for (int i = 0; i < more.length; i++) {
            out[i + 1] = encode(more[i]);
        }
        return out;
    }

    /** Keeps nil entries as {@code null}, as MGET callers expect. */
    public static List<String> decodeAll(List<byte[]> values) {
        List<String> out = new ArrayList<>(values.size());
        for (byte[] value : values) {
            out.add(decode(value));
        }
        return Collections.unmodifiableList(out);
    }
}
