package io.slotraft.client.args;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Options of SCAN: a MATCH glob, a COUNT hint and a TYPE filter, each optional. */
public final class ScanArgs {
    private byte[] match;
    private Long count;
    private String type;

    public ScanArgs match(String pattern) {
        return match(pattern.getBytes(StandardCharsets.UTF_8));
    }

    public ScanArgs match(byte[] pattern) {
        match = pattern.clone();
        return this;
    }

    /** How many keys the server should look at per step; a hint, not a limit. */
    public ScanArgs count(long hint) {
        count = hint;
        return this;
    }

    /** Only keys of this type, e.g. {@code string}. */
    public ScanArgs type(String redisType) {
        type = redisType;
        return this;
    }

    /** The tokens after {@code SCAN cursor}. */
    public List<byte[]> toArgs() {
        List<byte[]> out = new ArrayList<>();
        if (match != null) {
            Tokens.word(out, "MATCH");
            out.add(match.clone());
        }
        if (count != null) {
            Tokens.word(out, "COUNT");
            Tokens.number(out, count);
        }
        if (type != null) {
            Tokens.word(out, "TYPE");
            Tokens.word(out, type);
        }
        return out;
    }
}
