package io.slotraft.client.args;

import java.util.ArrayList;
import java.util.List;

/**
 * The condition of EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT: nx (no TTL yet), xx (has a TTL), gt (new
 * TTL is later), lt (new TTL is earlier). One at a time; a later choice replaces the earlier.
 */
public final class ExpireArgs {
    private String condition;

    public ExpireArgs nx() {
        condition = "NX";
        return this;
    }

    public ExpireArgs xx() {
        condition = "XX";
        return this;
    }

    public ExpireArgs gt() {
        condition = "GT";
        return this;
    }

    public ExpireArgs lt() {
        condition = "LT";
        return this;
    }

    /** The tokens after {@code EXPIRE key seconds}. */
    public List<byte[]> toArgs() {
        List<byte[]> out = new ArrayList<>();
        if (condition != null) {
            Tokens.word(out, condition);
        }
        return out;
    }
}
