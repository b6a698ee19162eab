package io.slotraft.client.reply;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One command reply in the RESP3 shapes, independent of the wire format. Accessors are strict: asking
 * a reply for a shape it does not have throws {@link IllegalStateException}, so a caller's wrong
 * assumption about a command fails loudly instead of turning into a wrong value.
 */
public final class Reply {

    /** The RESP3 shapes a reply can take. */
    public enum Kind { SIMPLE, ERROR, INTEGER, BULK, NIL, ARRAY, DOUBLE, MAP, BOOLEAN, SET }

    private static final Reply NIL = new Reply(Kind.NIL, null);

    private final Kind kind;
    private final Object value;

    private Reply(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    public static Reply simple(String text) {
        return new Reply(Kind.SIMPLE, Objects.requireNonNull(text));
    }

    public static Reply error(String message) {
        return new Reply(Kind.ERROR, Objects.requireNonNull(message));
    }

    public static Reply integer(long number) {
        return new Reply(Kind.INTEGER, number);
    }

    /** Keeps the array without copying it (replies are decoded once, on the hot path): don't change it after. */
    public static Reply bulk(byte[] bytes) {
        return new Reply(Kind.BULK, Objects.requireNonNull(bytes));
    }

    public static Reply nil() {
        return NIL;
    }

    public static Reply array(List<Reply> items) {
        return new Reply(Kind.ARRAY, List.copyOf(items));
    }

    public static Reply set(List<Reply> items) {
        return new Reply(Kind.SET, List.copyOf(items));
    }

    public static Reply doubleValue(double number) {
        return new Reply(Kind.DOUBLE, number);
    }

    public static Reply bool(boolean flag) {
        return new Reply(Kind.BOOLEAN, flag);
    }

    /** Keeps the server's entry order. */
    public static Reply map(Map<Reply, Reply> entries) {
        return new Reply(Kind.MAP, Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNil() {
        return kind == Kind.NIL;
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** The full Redis error text, e.g. {@code WRONGTYPE Operation against a key ...}. */
    public String errorMessage() {
        return (String) expect(Kind.ERROR);
    }

    /** Bulk bytes, or the text of a simple string; {@code null} for nil. */
    public byte[] asBytes() {
        if (kind == Kind.NIL) {
            return null;
        }
        if (kind == Kind.SIMPLE) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        return ((byte[]) expect(Kind.BULK)).clone();
    }

    /** A simple string, or a bulk string decoded as UTF-8; {@code null} for nil. */
    public String asString() {
        if (kind == Kind.SIMPLE) {
            return (String) value;
        }
        byte[] bytes = asBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public long asLong() {
        return (Long) expect(Kind.INTEGER);
    }

    /** A RESP3 double, an integer, or a bulk string holding a number (RESP2 replies floats as text). */
    public double asDouble() {
        switch (kind) {
            case DOUBLE:
                return (Double) value;
            case INTEGER:
                return (Long) value;
            default:
                return Double.parseDouble(asString());
        }
    }

    /** A RESP3 boolean, or the 1/0 integer RESP2 commands such as SETNX answer. */
    public boolean asBoolean() {
        if (kind == Kind.INTEGER) {
            return (Long) value != 0;
        }
        return (Boolean) expect(Kind.BOOLEAN);
    }

    /** The items of an array or a set. */
    @SuppressWarnings("unchecked")
    public List<Reply> asList() {
        if (kind == Kind.SET) {
            return (List<Reply>) value;
        }
        return (List<Reply>) expect(Kind.ARRAY);
    }

    @SuppressWarnings("unchecked")
    public Map<Reply, Reply> asMap() {
        return (Map<Reply, Reply>) expect(Kind.MAP);
    }

    private Object expect(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException("reply is " + kind + ", not " + wanted + ": " + this);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Reply)) {
            return false;
        }
        Reply that = (Reply) other;
        return kind == that.kind && Objects.deepEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        int valueHash = value instanceof byte[] ? Arrays.hashCode((byte[]) value) : Objects.hashCode(value);
        return 31 * kind.hashCode() + valueHash;
    }

    @Override
    public String toString() {
        switch (kind) {
            case NIL:
                return "(nil)";
            case BULK:
                return '"' + new String((byte[]) value, StandardCharsets.UTF_8) + '"';
            case ERROR:
                return "(error) " + value;
            default:
                return kind.name().toLowerCase(Locale.ROOT) + ' ' + value;
        }
    }
}
