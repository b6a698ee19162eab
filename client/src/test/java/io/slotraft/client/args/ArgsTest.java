package io.slotraft.client.args;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each argument object renders the tokens Redis expects, in Redis's documented order. */
class ArgsTest {

    private static List<String> text(List<byte[]> tokens) {
        return tokens.stream().map(t -> new String(t, StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    @Test
    void setArgsPutConditionThenGetThenExpiry() {
        assertEquals(List.of("NX", "GET", "EX", "10"), text(new SetArgs().ex(10).get().nx().toArgs()));
        assertEquals(List.of("XX", "PX", "1500"), text(new SetArgs().xx().px(1500).toArgs()));
        assertEquals(List.of("EXAT", "1700000000"), text(new SetArgs().exAt(1_700_000_000L).toArgs()));
        assertEquals(List.of("PXAT", "1700000000123"), text(new SetArgs().pxAt(1_700_000_000_123L).toArgs()));
        assertEquals(List.of("KEEPTTL"), text(new SetArgs().keepTtl().toArgs()));
        assertEquals(List.of(), text(new SetArgs().toArgs()));
    }

    @Test
    void aLaterExpiryOrConditionReplacesTheEarlierSinceRedisTakesOne() {
        assertEquals(List.of("XX", "KEEPTTL"), text(new SetArgs().nx().ex(5).xx().keepTtl().toArgs()));
    }

    @Test
    void getExArgs() {
        assertEquals(List.of("EX", "5"), text(new GetExArgs().ex(5).toArgs()));
        assertEquals(List.of("PX", "5"), text(new GetExArgs().px(5).toArgs()));
        assertEquals(List.of("EXAT", "9"), text(new GetExArgs().exAt(9).toArgs()));
        assertEquals(List.of("PXAT", "9"), text(new GetExArgs().pxAt(9).toArgs()));
        assertEquals(List.of("PERSIST"), text(new GetExArgs().ex(5).persist().toArgs()));
        assertEquals(List.of(), text(new GetExArgs().toArgs()));
    }

    @Test
    void expireArgs() {
        assertEquals(List.of("NX"), text(new ExpireArgs().nx().toArgs()));
        assertEquals(List.of("XX"), text(new ExpireArgs().xx().toArgs()));
        assertEquals(List.of("GT"), text(new ExpireArgs().gt().toArgs()));
        assertEquals(List.of("LT"), text(new ExpireArgs().gt().lt().toArgs()));
        assertEquals(List.of(), text(new ExpireArgs().toArgs()));
    }

    @Test
    void scanArgs() {
        assertEquals(List.of("MATCH", "user:*", "COUNT", "100", "TYPE", "string"),
                text(new ScanArgs().type("string").count(100).match("user:*").toArgs()));
        assertEquals(List.of(), text(new ScanArgs().toArgs()));
    }
}
