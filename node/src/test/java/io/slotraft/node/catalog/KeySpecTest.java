package io.slotraft.node.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys a spec finds in one argv, counted keys (numkeys) included, as Redis 7's key extraction finds them. */
class KeySpecTest {
  private static final KeySpec ZUNIONSTORE = KeySpec.of(1, 3, 2).counted(2);
  private static final KeySpec LMPOP = KeySpec.of(2, 2, 1).counted(1);
  private static final KeySpec BLMPOP = KeySpec.of(3, 3, 1).counted(2);
  private static final KeySpec MSET = KeySpec.of(1, -1, 2);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "zunionstore | zunionstore d 2 a b WEIGHTS 1 2 | d a b",
      "zunionstore | zunionstore d 1 a b             | d a",
      "zunionstore | zunionstore d 0 a               | d",
      "zunionstore | zunionstore d abc a             | d",
      "zunionstore | zunionstore d 3 a b             | d",
      "lmpop       | lmpop 3 a b c LEFT COUNT 2      | a b c",
      "lmpop       | lmpop 0 a LEFT                  | a",
      "lmpop       | lmpop x a LEFT                  | a",
      "blmpop      | blmpop 0.5 2 a b RIGHT          | a b",
      "mset        | mset a 1 b 2                    | a b",
  })
  void findsTheKeys(String spec, String line, String keys) {
    KeySpec keySpec = switch (spec) {
      case "zunionstore" -> ZUNIONSTORE;
      case "lmpop" -> LMPOP;
      case "blmpop" -> BLMPOP;
      default -> MSET;
    };
    List<String> found = keySpec.keys(words(line)).stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    assertEquals(Arrays.asList(keys.split(" ")), found);
  }

  private static List<byte[]> words(String line) {
    return Arrays.stream(line.split(" ")).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
  }
}
