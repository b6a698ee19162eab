package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientCommandsTest {
  /** Redis 7.2's CLIENT LIST line: these fields, in this order, space-separated. */
  private static final Pattern LINE = Pattern.compile("id=\\d+ addr=\\S+ laddr=\\S+ fd=-?\\d+ name=\\S* age=\\d+ "
      + "idle=\\d+ flags=[A-Za-z]+ db=\\d+ sub=\\d+ psub=\\d+ ssub=\\d+ multi=-?\\d+ qbuf=\\d+ qbuf-free=\\d+ "
      + "argv-mem=\\d+ multi-mem=\\d+ rbs=\\d+ rbp=\\d+ obl=\\d+ oll=\\d+ omem=\\d+ tot-mem=\\d+ events=[rw]* "
      + "cmd=\\S+ user=\\S+ redir=-?\\d+ resp=[23] lib-name=\\S* lib-ver=\\S*");

  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 65_000);

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of(List.of("CLIENT", "GETNAME"), "(nil)"),
        Arguments.of(List.of("CLIENT", "SETNAME", "worker-1"), "+OK"),
        Arguments.of(List.of("CLIENT", "SETNAME", "a b"),
            "-ERR Client names cannot contain spaces, newlines or special characters."),
        Arguments.of(List.of("CLIENT", "SETNAME", "a\nb"),
            "-ERR Client names cannot contain spaces, newlines or special characters."),
        Arguments.of(List.of("CLIENT", "SETNAME", "caf\u00e9"),
            "-ERR Client names cannot contain spaces, newlines or special characters."),
        Arguments.of(List.of("CLIENT", "SETNAME"), "-ERR wrong number of arguments for 'client|setname' command"),
        Arguments.of(List.of("CLIENT", "GETNAME", "x"), "-ERR wrong number of arguments for 'client|getname' command"),
        Arguments.of(List.of("CLIENT", "SETINFO", "lib-name", "jedis"), "+OK"),
        Arguments.of(List.of("CLIENT", "SETINFO", "LIB-VER", "5.2.0"), "+OK"),
        Arguments.of(List.of("CLIENT", "SETINFO", "lib-color", "red"), "-ERR Unrecognized option 'lib-color'"),
        Arguments.of(List.of("CLIENT", "SETINFO", "LIB-NAME", "my lib"),
            "-ERR LIB-NAME cannot contain spaces, newlines or special characters."),
        Arguments.of(List.of("CLIENT", "NO-EVICT", "on"), "+OK"),
        Arguments.of(List.of("CLIENT", "NO-EVICT", "OFF"), "+OK"),
        Arguments.of(List.of("CLIENT", "NO-EVICT", "maybe"), "-ERR syntax error"),
        Arguments.of(List.of("CLIENT", "NO-TOUCH", "ON"), "+OK"),
        Arguments.of(List.of("CLIENT", "NO-TOUCH", "yes"), "-ERR syntax error"),
        Arguments.of(List.of("CLIENT", "LIST", "TYPE", "pubsub"), "\"\""),
        Arguments.of(List.of("CLIENT", "LIST", "TYPE", "robot"), "-ERR Unknown client type 'robot'"),
        Arguments.of(List.of("CLIENT", "LIST", "ID", "0"), "-ERR Invalid client ID"),
        Arguments.of(List.of("CLIENT", "LIST", "ID", "x"), "-ERR Invalid client ID"),
        Arguments.of(List.of("CLIENT", "LIST", "TYPE"), "-ERR syntax error"),
        Arguments.of(List.of("CLIENT", "LIST", "ALL", "of", "them"), "-ERR syntax error"),
        Arguments.of(List.of("CLIENT", "KILL", "x"), "-ERR unknown subcommand 'KILL'. Try CLIENT HELP."),
        Arguments.of(List.of("client", "Frobnicate"), "-ERR unknown subcommand 'Frobnicate'. Try CLIENT HELP."),
        Arguments.of(List.of("CLIENT"), "-ERR wrong number of arguments for 'client' command"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("replies")
  void replies(List<String> argv, String expected) {
    assertEquals(expected, node.text(session, argv.toArray(String[]::new)));
  }

  @Test
  void idIsTheSessionId() {
    assertEquals(":" + session.id(), node.text(session, "CLIENT", "ID"));
  }

  @Test
  void setNameThenGetNameAndAnEmptyNameClearsIt() {
    node.run(session, "CLIENT", "SETNAME", "worker-1");
    assertEquals("\"worker-1\"", node.text(session, "CLIENT", "GETNAME"));
    node.run(session, "CLIENT", "SETNAME", "");
    assertNull(session.name());
    assertEquals("(nil)", node.text(session, "CLIENT", "GETNAME"));
  }

  @Test
  void infoIsThisConnectionsLineExactly() {
    session.recordCommand("client|info", TestNode.NOW_MS - 2_000);
    node.run(session, "CLIENT", "SETNAME", "worker-1");
    node.run(session, "CLIENT", "SETINFO", "lib-name", "jedis");
    node.run(session, "CLIENT", "SETINFO", "lib-ver", "5.2.0");
    node.run(session, "READONLY");
    node.run(session, "CLIENT", "NO-EVICT", "on");

    String expected = "id=" + session.id() + " addr=127.0.0.1:50000 laddr=127.0.0.1:7001 fd=-1 name=worker-1 age=65 "
        + "idle=2 flags=re db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 "
        + "obl=0 oll=0 omem=0 tot-mem=0 events=r cmd=client|info user=default redir=-1 resp=2 lib-name=jedis "
        + "lib-ver=5.2.0\n";
    assertEquals("\"" + expected.replace("\n", "\\n") + "\"", node.text(session, "CLIENT", "INFO"));
  }

  @Test
  void aConnectionInMultiShowsFlagXAndItsQueuedCount() {
    session.multi().open();
    assertTrue(bulk(node.text(session, "CLIENT", "INFO")).contains(" flags=x db=0 sub=0 psub=0 ssub=0 multi=0 "));
    session.multi().queue(node.catalog().lookup("ping"), new io.slotraft.node.catalog.CommandArgs(
        java.util.List.of("PING".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertTrue(bulk(node.text(session, "CLIENT", "INFO")).contains(" multi=1 "));
    session.multi().end();
    assertTrue(bulk(node.text(session, "CLIENT", "INFO")).contains(" flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 "));
  }

  @Test
  void listHasOneLineInRedisFormatPerConnection() {
    ClientSession other = node.connect("10.0.0.9:41000", 1_000);
    String list = bulk(node.text(session, "CLIENT", "LIST"));

    String[] lines = list.split("\n");
    assertEquals(2, lines.length);
    assertTrue(list.endsWith("\n"));
    for (String line : lines) {
      assertTrue(LINE.matcher(line).matches(), line);
    }
    assertTrue(lines[0].startsWith("id=" + session.id() + " addr=127.0.0.1:50000 "));
    assertTrue(lines[1].startsWith("id=" + other.id() + " addr=10.0.0.9:41000 "));
    assertTrue(lines[1].contains(" name= age=1 idle=1 flags=N db=0 "));
    assertTrue(lines[1].contains(" cmd=NULL user=default redir=-1 resp=2 lib-name= lib-ver="));
  }

  @Test
  void listFiltersByIdInTheOrderAskedAndByType() {
    ClientSession other = node.connect("10.0.0.9:41000", 1_000);
    String byId = bulk(node.text(session, "CLIENT", "LIST", "ID", Long.toString(other.id()), "999999",
        Long.toString(session.id())));
    String[] lines = byId.split("\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("id=" + other.id() + " "));
    assertTrue(lines[1].startsWith("id=" + session.id() + " "));

    assertEquals(2, bulk(node.text(session, "CLIENT", "LIST", "TYPE", "NORMAL")).split("\n").length);
    assertEquals("\"\"", node.text(session, "CLIENT", "LIST", "TYPE", "replica"));
  }

  @Test
  void noTouchShowsAsFlagT() {
    node.run(session, "CLIENT", "NO-TOUCH", "on");
    assertTrue(bulk(node.text(session, "CLIENT", "INFO")).contains(" flags=T "));
  }

  @Test
  void helpListsEverySubcommandWithItsSummary() {
    String help = node.text(session, "CLIENT", "HELP");
    assertTrue(help.startsWith("[+CLIENT <subcommand> [<arg> ...]. Subcommands are:, +ID, +    Returns"), help);
    for (String usage : List.of("+GETNAME", "+SETNAME <connection-name>", "+INFO", "+LIST [TYPE <type>]",
        "+SETINFO <LIB-NAME|LIB-VER> <value>", "+NO-EVICT <ON|OFF>", "+NO-TOUCH <ON|OFF>", "+HELP")) {
      assertTrue(help.contains(usage), usage);
    }
    assertTrue(help.endsWith("+HELP, +    Show this help.]"), help);
  }

  /** The text of a bulk reply as {@link ReplyText} shows it, unquoted, with real newlines. */
  private static String bulk(String text) {
    return text.substring(1, text.length() - 1).replace("\\n", "\n");
  }
}
