package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigCommandTest {
  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("CONFIG GET port", "{\"port\": \"7001\"}"),
        Arguments.of("CONFIG GET MAXMEMORY*", "{\"maxmemory\": \"0\", \"maxmemory-policy\": \"noeviction\"}"),
        Arguments.of("CONFIG GET maxmemory maxmemory", "{\"maxmemory\": \"0\"}"),
        Arguments.of("CONFIG GET nothing-like-this", "{}"),
        Arguments.of("CONFIG GET", "-ERR wrong number of arguments for 'config|get' command"),
        Arguments.of("CONFIG SET port 7009",
            "-ERR CONFIG SET failed (possibly related to argument 'port') - can't set immutable config"),
        Arguments.of("CONFIG SET no-such-thing 1",
            "-ERR Unknown option or number of arguments for CONFIG SET - 'no-such-thing'"),
        Arguments.of("CONFIG SET slotraft-snapshot-log-entries many", "-ERR CONFIG SET failed (possibly related to "
            + "argument 'slotraft-snapshot-log-entries') - argument couldn't be parsed into a non-negative integer"),
        Arguments.of("CONFIG SET slotraft-snapshot-log-entries 5 port", "-ERR wrong number of arguments for 'config|set' command"),
        Arguments.of("CONFIG REWRITE", "-ERR The server is running without a config file"),
        Arguments.of("CONFIG NOPE", "-ERR unknown subcommand 'NOPE'. Try CONFIG HELP."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void replies(String line, String expected) {
    assertEquals(expected, node.text(session, TestNode.words(line)));
  }

  @Test
  void setChangesAMutableParameterAndGetShowsIt() {
    assertEquals("+OK", node.text(session, "CONFIG", "SET", "slotraft-snapshot-log-entries", "5000"));
    assertEquals("{\"slotraft-snapshot-log-entries\": \"5000\"}",
        node.text(session, "CONFIG", "GET", "slotraft-snapshot-log-entries"));
  }

  @Test
  void aBadPairChangesNothing() {
    assertEquals("-ERR CONFIG SET failed (possibly related to argument 'port') - can't set immutable config",
        node.text(session, "CONFIG", "SET", "slotraft-snapshot-log-entries", "7", "port", "1"));
    assertEquals("{\"slotraft-snapshot-log-entries\": \"100\"}",
        node.text(session, "CONFIG", "GET", "slotraft-snapshot-log-entries"));
  }

  @Test
  void resetStatClearsCommandCounters() {
    node.stats().commandDone("get", 10, false);
    assertEquals("+OK", node.text(session, "CONFIG", "RESETSTAT"));
    assertEquals(0, node.stats().commandsProcessed());
    assertEquals(0, node.stats().perCommand().size());
  }
}
