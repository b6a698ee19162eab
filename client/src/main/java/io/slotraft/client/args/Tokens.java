package io.slotraft.client.args;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Appends option tokens, ASCII words and decimal numbers, as the bytes Redis reads. */
final class Tokens {
    private Tokens() {
    }

    static void word(List<byte[]> out, String word) {
        out.add(word.getBytes(StandardCharsets.US_ASCII));
    }

    static void number(List<byte[]> out, long number) {
        word(out, Long.toString(number));
    }
}
