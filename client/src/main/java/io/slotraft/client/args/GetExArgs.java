package io.slotraft.client.args;

import java.util.ArrayList;
import java.util.List;

/** Options of GETEX: at most one of ex, px, exAt, pxAt, persist; a later choice replaces the earlier. */
public final class GetExArgs {
    private Expiration expiration;

    public GetExArgs ex(long seconds) {
        expiration = Expiration.timed("EX", seconds);
        return this;
    }

    public GetExArgs px(long millis) {
        expiration = Expiration.timed("PX", millis);
        return this;
    }

    public GetExArgs exAt(long unixSeconds) {
        expiration = Expiration.timed("EXAT", unixSeconds);
        return this;
    }

    public GetExArgs pxAt(long unixMillis) {
        expiration = Expiration.timed("PXAT", unixMillis);
        return this;
    }

    /** Remove the key's time to live. */
    public GetExArgs persist() {
        expiration = Expiration.flag("PERSIST");
        return this;
    }

    /** The tokens after {@code GETEX key}. */
    public List<byte[]> toArgs() {
        List<byte[]> out = new ArrayList<>();
        if (expiration != null) {
            expiration.appendTo(out);
        }
        return out;
    }
}
