package io.slotraft.client.reply;

import io.slotraft.client.codec.Utf8;
import java.util.List;

/** One SCAN step: the cursor to pass next ({@code "0"} when the iteration is complete) and its keys. */
public final class ScanResult {
    private final String cursor;
    private final List<byte[]> keys;

    public ScanResult(String cursor, List<byte[]> keys) {
        this.cursor = cursor;
        this.keys = List.copyOf(keys);
    }

    public String cursor() {
        return cursor;
    }

    /** True when the server has returned every key: the next cursor is "0". */
    public boolean isFinished() {
        return "0".equals(cursor);
    }

    public List<byte[]> keys() {
        return keys;
    }

    public List<String> keysAsStrings() {
        return Utf8.decodeAll(keys);
    }

    @Override
    public String toString() {
        return "ScanResult{cursor=" + cursor + ", keys=" + keysAsStrings() + '}';
    }
}
