package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerCommandsTest {
  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  @Test
  void timeIsSecondsAndMicrosecondsAsBulkStrings() {
    assertEquals("[\"1700000123\", \"456000\"]", node.text(session, "TIME"));
  }

  @Test
  void timeTakesNoArguments() {
    assertEquals("-ERR wrong number of arguments for 'time' command", node.text(session, "TIME", "now"));
  }

  @Test
  void infoIsOneBulkStringOfTheChosenSections() {
    assertEquals("\"# Cluster\\r\\ncluster_enabled:1\\r\\n\"", node.text(session, "INFO", "cluster"));
    assertTrue(node.text(session, "INFO").startsWith("\"# Server\\r\\nredis_version:7.2.0\\r\\n"));
  }
}
