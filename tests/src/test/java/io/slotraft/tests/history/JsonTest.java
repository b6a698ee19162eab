package io.slotraft.tests.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void valuesRoundTrip() {
    Map<String, Object> balances = new LinkedHashMap<>();
    balances.put("a", 7L);
    balances.put("b", -3L);
    List<Object> values = Arrays.asList(null, "plain", "", true, false, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
        2.5, List.of(), Map.of(), Arrays.asList("x", null, 3L), balances,
        List.of(Map.of("nested", List.of(List.of("deep")))));
    for (Object value : values) {
      assertEquals(value, Json.parse(Json.write(value)), Json.write(value));
    }
  }

  @Test
  void stringsWithEscapesAndNonAsciiRoundTrip() {
    String nasty = "quote\" backslash\\ slash/ newline\n tab\t cr\r bell\u0007 nul\u0000 é 日本 \uD83D\uDE00";
    assertEquals(nasty, Json.parse(Json.write(nasty)));
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Json.write("a\"b\\c\n\u0001"));
    assertEquals("A/\u00e9", Json.parse("\"\\u0041\\/\\u00e9\""));
  }

  @Test
  void normalizesJavaShapesToWhatItReadsBack() {
    Set<String> set = new TreeSet<>(List.of("b", "a"));
    assertEquals(List.of("a", "b"), Json.normalize(set));
    assertEquals(5L, Json.normalize(5));
    assertEquals(List.of(1L, 2L), Json.normalize(List.of(1, 2)));
    assertEquals(Json.normalize(Map.of("k", 1)), Json.parse(Json.write(Map.of("k", 1))));
  }

  @Test
  void toleratesWhitespaceBetweenTokens() {
    assertEquals(Map.of("a", List.of(1L, "x")), Json.parse(" { \"a\" : [ 1 , \"x\" ] } \n"));
  }

  @Test
  void rejectsMalformedInput() {
    for (String bad : List.of("", "{", "[1,", "\"open", "{\"a\" 1}", "tru", "1 2", "{\"a\":1,\"a\":2}", "[1,]x",
        "\"bad \\q escape\"", "{1:2}", "-")) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
  }
}
