package io.slotraft.client.args;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of SET: {@code new SetArgs().ex(10).nx()}. One expiry (ex, px, exAt, pxAt, keepTtl) and one
 * condition (nx, xx) at a time: choosing another replaces the earlier one, since Redis refuses two.
 */
public final class SetArgs {
    private Expiration expiration;
    private String condition;
    private boolean get;

    /** Expire after this many seconds. */
    public SetArgs ex(long seconds) {
        expiration = Expiration.timed("EX", seconds);
        return this;
    }

    /** Expire after this many milliseconds. */
    public SetArgs px(long millis) {
        expiration = Expiration.timed("PX", millis);
        return this;
    }

    /** Expire at this Unix time, in seconds. */
    public SetArgs exAt(long unixSeconds) {
        expiration = Expiration.timed("EXAT", unixSeconds);
        return this;
    }

    /** Expire at this Unix time, in milliseconds. */
    public SetArgs pxAt(long unixMillis) {
        expiration = Expiration.timed("PXAT", unixMillis);
        return this;
    }

    /** Keep the key's current time to live. */
    public SetArgs keepTtl() {
        expiration = Expiration.flag("KEEPTTL");
        return this;
    }

    /** Only set the key if it does not exist; the reply is nil when it did. */
    public SetArgs nx() {
        condition = "NX";
        return this;
    }

    /** Only set the key if it already exists; the reply is nil when it did not. */
    public SetArgs xx() {
        condition = "XX";
        return this;
    }

    /** Reply with the old value (nil if none) instead of OK. */
    public SetArgs get() {
        get = true;
        return this;
    }

    /** The tokens after {@code SET key value}, in Redis's documented order. */
    public List<byte[]> toArgs() {
        List<byte[]> out = new ArrayList<>();
        if (condition != null) {
            Tokens.word(out, condition);
        }
        if (get) {
            Tokens.word(out, "GET");
        }
        if (expiration != null) {
            expiration.appendTo(out);
        }
        return out;
    }
}
