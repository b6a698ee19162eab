package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HelloCommandTest {
  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  private String serverMap(int protocol) {
    return "{\"server\": \"redis\", \"version\": \"7.2.0\", \"proto\": :" + protocol + ", \"id\": :" + session.id()
        + ", \"mode\": \"cluster\", \"role\": \"master\", \"modules\": [], \"slotraft_version\": \"dev\"}";
  }

  @Test
  void withoutArgumentsDescribesTheServerAndKeepsTheProtocol() {
    assertEquals(serverMap(2), node.text(session, "HELLO"));
    assertEquals(2, session.protocol());
  }

  @Test
  void switchesToResp3AndBack() {
    assertEquals(serverMap(3), node.text(session, "HELLO", "3"));
    assertEquals(3, session.protocol());
    assertEquals(serverMap(2), node.text(session, "hello", "2"));
    assertEquals(2, session.protocol());
  }

  @Test
  void setsTheNameAndAuthenticatesTheDefaultUserInOneCall() {
    assertEquals(serverMap(3), node.text(session, "HELLO", "3", "AUTH", "default", "pw", "SETNAME", "app-1"));
    assertEquals("app-1", session.name());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(new String[] {"HELLO", "1"}, "-NOPROTO unsupported protocol version"),
        Arguments.of(new String[] {"HELLO", "4"}, "-NOPROTO unsupported protocol version"),
        Arguments.of(new String[] {"HELLO", "three"}, "-ERR Protocol version is not an integer or out of range"),
        Arguments.of(new String[] {"HELLO", "3", "AUTH", "alice", "pw"},
            "-WRONGPASS invalid username-password pair or user is disabled."),
        Arguments.of(new String[] {"HELLO", "3", "AUTH", "default"}, "-ERR Syntax error in HELLO option 'AUTH'"),
        Arguments.of(new String[] {"HELLO", "3", "SETNAME"}, "-ERR Syntax error in HELLO option 'SETNAME'"),
        Arguments.of(new String[] {"HELLO", "3", "FAST"}, "-ERR Syntax error in HELLO option 'FAST'"),
        Arguments.of(new String[] {"HELLO", "3", "SETNAME", "a b"},
            "-ERR Client names cannot contain spaces, newlines or special characters."),
        // Redis parses every option before it checks the credentials.
        Arguments.of(new String[] {"HELLO", "3", "AUTH", "alice", "pw", "SETNAME", "a\nb"},
            "-ERR Client names cannot contain spaces, newlines or special characters."));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refusals")
  void aRefusedHelloChangesNothing(String[] argv, String expected) {
    assertEquals(expected, node.text(session, argv));
    assertEquals(2, session.protocol());
    assertNull(session.name());
  }
}
