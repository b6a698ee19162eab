package io.slotraft.client.args;

import java.util.List;

/**
 * One expiry option: a word (EX, PX, EXAT, PXAT) and its number, or a bare word (KEEPTTL, PERSIST).
 * Redis takes at most one, so the argument objects hold one of these and a later choice replaces it.
 */
final class Expiration {
    private final String word;
    private final Long amount;

    private Expiration(String word, Long amount) {
        this.word = word;
        this.amount = amount;
    }

    static Expiration timed(String word, long amount) {
        return new Expiration(word, amount);
    }

    static Expiration flag(String word) {
        return new Expiration(word, null);
    }

    void appendTo(List<byte[]> out) {
        Tokens.word(out, word);
        if (amount != null) {
            Tokens.number(out, amount);
        }
    }
}
