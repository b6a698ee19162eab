package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionCommandsTest {
  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("PING", "+PONG"),
        Arguments.of("ping hello", "\"hello\""),
        Arguments.of("PING a b", "-ERR wrong number of arguments for 'ping' command"),
        Arguments.of("ECHO hi", "\"hi\""),
        Arguments.of("ECHO", "-ERR wrong number of arguments for 'echo' command"),
        Arguments.of("ECHO a b", "-ERR wrong number of arguments for 'echo' command"),
        Arguments.of("AUTH secret", "-ERR AUTH <password> called without any password configured for the "
            + "default user. Are you sure your configuration is correct?"),
        Arguments.of("AUTH alice secret", "-WRONGPASS invalid username-password pair or user is disabled."),
        // The passwordless default user accepts any password, as in Redis.
        Arguments.of("AUTH default anything", "+OK"),
        Arguments.of("AUTH Default anything", "-WRONGPASS invalid username-password pair or user is disabled."),
        Arguments.of("AUTH a b c", "-ERR syntax error"),
        Arguments.of("AUTH", "-ERR wrong number of arguments for 'auth' command"),
        Arguments.of("SELECT 0", "+OK"),
        Arguments.of("SELECT 1", "-ERR SELECT is not allowed in cluster mode"),
        Arguments.of("SELECT -1", "-ERR SELECT is not allowed in cluster mode"),
        Arguments.of("SELECT x", "-ERR value is not an integer or out of range"),
        Arguments.of("SELECT 01", "-ERR value is not an integer or out of range"),
        Arguments.of("SELECT 4294967296", "-ERR value is out of range"),
        Arguments.of("SELECT", "-ERR wrong number of arguments for 'select' command"),
        Arguments.of("QUIT", "+OK"),
        Arguments.of("RESET", "+RESET"),
        Arguments.of("RESET now", "-ERR wrong number of arguments for 'reset' command"),
        Arguments.of("READONLY", "+OK"),
        Arguments.of("READWRITE", "+OK"),
        Arguments.of("ASKING", "+OK"),
        Arguments.of("ASKING x", "-ERR wrong number of arguments for 'asking' command"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("replies")
  void replies(String line, String expected) {
    assertEquals(expected, node.text(session, TestNode.words(line)));
  }

  @Test
  void quitAsksTheFrontEndToCloseAfterReplying() {
    assertFalse(session.closeRequested());
    node.run(session, "QUIT");
    assertTrue(session.closeRequested());
  }

  @Test
  void readonlyAndReadwriteSwitchReplicaReads() {
    node.run(session, "READONLY");
    assertTrue(session.readOnlyReplicaReads());
    node.run(session, "READWRITE");
    assertFalse(session.readOnlyReplicaReads());
  }

  @Test
  void resetForgetsWhatTheConnectionChangedButKeepsItsId() {
    long id = session.id();
    node.run(session, "HELLO", "3", "SETNAME", "worker");
    node.run(session, "READONLY");
    node.run(session, "CLIENT", "NO-EVICT", "on");
    node.run(session, "CLIENT", "NO-TOUCH", "on");

    assertEquals("+RESET", node.text(session, "RESET"));

    assertEquals(id, session.id());
    assertNull(session.name());
    assertEquals(2, session.protocol());
    assertFalse(session.readOnlyReplicaReads());
    assertFalse(session.noEvict());
    assertFalse(session.noTouch());
  }
}
