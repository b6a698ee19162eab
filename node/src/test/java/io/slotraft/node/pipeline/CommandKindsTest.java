package io.slotraft.node.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.Catalogs;
import io.slotraft.proto.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog decides: WRITE flag for the kind, the first key's slot for the lane (* barrier, ~ unordered). */
class CommandKindsTest {
  private static final CommandKinds KINDS = CommandKinds.of(Catalogs.keyspaceOnly());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SET k v           | true  | k",
      "set k v           | true  | k",
      "GET k             | false | k",
      "DEL {t}a {t}b     | true  | {t}a",
      "MGET x y          | false | x",
      "NOSUCHCOMMAND k   | false | *",
      "DBSIZE            | false | *",
      "BLPOP q 0         | true  | ~",
  })
  void classifiesFromTheCatalog(String command, boolean write, String laneKey) {
    List<byte[]> argv = new ArrayList<>();
    for (String word : command.split(" ")) {
      argv.add(word.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(write, KINDS.isWrite(argv), command);
    int lane = laneKey.equals("*") ? CommandKinds.BARRIER : laneKey.equals("~") ? CommandKinds.UNORDERED
        : SlotHash.slot(laneKey.getBytes(StandardCharsets.UTF_8));
    assertEquals(lane, KINDS.lane(argv), command);
  }
}
