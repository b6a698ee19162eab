package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.reply.Reply;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandIntrospectionTest {
  private static final String GET_INFO = "[\"get\", :2, ~[+readonly, +fast], :1, :1, :1, ~[+@read, +@string, +@fast], "
      + "~[], ~[{\"flags\": ~[+RO, +access], \"begin_search\": {\"type\": \"index\", \"spec\": {\"index\": :1}}, "
      + "\"find_keys\": {\"type\": \"range\", \"spec\": {\"lastkey\": :0, \"keystep\": :1, \"limit\": :0}}}], ~[]]";
  private static final String MSET_INFO = "[\"mset\", :-3, ~[+write, +denyoom], :1, :-1, :2, "
      + "~[+@write, +@string, +@slow], ~[], ~[{\"flags\": ~[+RW, +update], \"begin_search\": {\"type\": \"index\", "
      + "\"spec\": {\"index\": :1}}, \"find_keys\": {\"type\": \"range\", \"spec\": {\"lastkey\": :-1, "
      + "\"keystep\": :2, \"limit\": :0}}}], ~[]]";
  private static final String SETNAME_INFO = "[\"client|setname\", :3, ~[+noscript, +loading, +stale], :0, :0, :0, "
      + "~[+@slow, +@connection], ~[], ~[], ~[]]";
  private static final String PING_INFO =
      "[\"ping\", :-1, ~[+fast], :0, :0, :0, ~[+@fast, +@connection], ~[], ~[], ~[]]";

  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("COMMAND COUNT", ":20"),
        Arguments.of("COMMAND INFO get", "[" + GET_INFO + "]"),
        Arguments.of("COMMAND INFO MSET", "[" + MSET_INFO + "]"),
        Arguments.of("COMMAND INFO ping", "[" + PING_INFO + "]"),
        Arguments.of("COMMAND INFO client|setname", "[" + SETNAME_INFO + "]"),
        Arguments.of("COMMAND INFO get nosuch ping", "[" + GET_INFO + ", (nil), " + PING_INFO + "]"),
        Arguments.of("COMMAND INFO client|nosuch get|x a|b|c", "[(nil), (nil), (nil)]"),
        Arguments.of("COMMAND DOCS get", "{\"get\": {\"summary\": \"Returns a string value.\", \"since\": \"1.0.0\", "
            + "\"group\": \"string\"}}"),
        Arguments.of("COMMAND DOCS nosuch", "{}"),
        Arguments.of("COMMAND DOCS nosuch cluster|myid",
            "{\"cluster|myid\": {\"summary\": \"Returns this node's id.\", "
            + "\"since\": \"3.0.0\", \"group\": \"cluster\"}}"),
        Arguments.of("COMMAND GETKEYS get k", "[\"k\"]"),
        Arguments.of("COMMAND GETKEYS MSET a 1 b 2", "[\"a\", \"b\"]"),
        Arguments.of("COMMAND GETKEYS mset a", "-ERR Invalid number of arguments specified for command"),
        Arguments.of("COMMAND GETKEYS get a b", "-ERR Invalid number of arguments specified for command"),
        Arguments.of("COMMAND GETKEYS ping", "-ERR The command has no key arguments"),
        Arguments.of("COMMAND GETKEYS client list", "-ERR The command has no key arguments"),
        Arguments.of("COMMAND GETKEYS client nosuch", "-ERR Invalid command specified"),
        Arguments.of("COMMAND GETKEYS nosuch x", "-ERR Invalid command specified"),
        Arguments.of("COMMAND GETKEYS", "-ERR wrong number of arguments for 'command|getkeys' command"),
        Arguments.of("COMMAND GETKEYSANDFLAGS mset a 1 b 2", "[[\"a\", ~[+RW, +update]], [\"b\", ~[+RW, +update]]]"),
        Arguments.of("COMMAND GETKEYSANDFLAGS get k", "[[\"k\", ~[+RO, +access]]]"),
        Arguments.of("COMMAND LIST FILTERBY PATTERN cluster|*slot*",
            "[\"cluster|slots\", \"cluster|keyslot\", \"cluster|countkeysinslot\", \"cluster|getkeysinslot\", "
                + "\"cluster|setslot\", \"cluster|addslots\", \"cluster|addslotsrange\", \"cluster|delslots\", "
                + "\"cluster|delslotsrange\", \"cluster|flushslots\"]"),
        Arguments.of("COMMAND LIST FILTERBY pattern C?IENT", "[\"client\"]"),
        Arguments.of("COMMAND LIST FILTERBY ACLCAT read", "[\"get\"]"),
        Arguments.of("COMMAND LIST FILTERBY aclcat WRITE", "[\"mset\"]"),
        Arguments.of("COMMAND LIST FILTERBY ACLCAT @read", "[]"),
        Arguments.of("COMMAND LIST FILTERBY MODULE json", "[]"),
        Arguments.of("COMMAND LIST FILTERBY COLOR red", "-ERR syntax error"),
        Arguments.of("COMMAND LIST FILTERBY PATTERN", "-ERR syntax error"),
        Arguments.of("COMMAND LIST everything", "-ERR syntax error"),
        Arguments.of("COMMAND COUNT x", "-ERR wrong number of arguments for 'command|count' command"),
        Arguments.of("COMMAND DESCRIBE", "-ERR unknown subcommand 'DESCRIBE'. Try COMMAND HELP."));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("replies")
  void replies(String line, String expected) {
    assertEquals(expected, node.text(session, TestNode.words(line)));
  }

  @Test
  void commandAloneDescribesEveryCatalogEntryInCatalogOrder() {
    List<Reply> entries = ((Reply.Array) node.run(session, "COMMAND")).items();
    List<String> names = node.catalog().all().stream().map(spec -> spec.name()).toList();
    assertEquals(names.size(), entries.size());
    for (int i = 0; i < entries.size(); i++) {
      List<Reply> fields = ((Reply.Array) entries.get(i)).items();
      assertEquals(10, fields.size());
      assertEquals("\"" + names.get(i) + "\"", ReplyText.of(fields.get(0)));
    }
    assertEquals(ReplyText.of(node.run(session, "COMMAND")), ReplyText.of(node.run(session, "COMMAND", "INFO")));
  }

  @Test
  void aContainerListsItsSubcommandsInItsInfo() {
    String info = node.text(session, "COMMAND", "INFO", "client");
    assertTrue(info.startsWith("[[\"client\", :-2, ~[], :0, :0, :0, ~[+@slow], ~[], ~[], [[\"client|id\", :2, "), info);
    assertTrue(info.contains(SETNAME_INFO), info);
    assertTrue(info.endsWith("[\"client|help\", :2, ~[+loading, +stale], :0, :0, :0, ~[+@slow, +@connection], "
        + "~[], ~[], ~[]]]]]"), info);
  }

  @Test
  void docsOfAContainerCarryItsSubcommands() {
    String docs = node.text(session, "COMMAND", "DOCS", "client");
    assertTrue(docs.startsWith("{\"client\": {\"summary\": \"Inspects and configures client connections.\", "
        + "\"since\": \"2.4.0\", \"group\": \"connection\", \"subcommands\": {\"client|id\": {\"summary\": "), docs);
    assertTrue(docs.contains("\"client|setinfo\": {\"summary\": \"Records which client library, and which version of "
        + "it, this connection uses.\", \"since\": \"7.2.0\", \"group\": \"connection\"}"), docs);
  }

  @Test
  void docsWithoutNamesCoverEveryCommand() {
    Reply.MapReply docs = (Reply.MapReply) node.run(session, "COMMAND", "DOCS");
    assertEquals(2 * node.catalog().size(), docs.keysAndValues().size());
  }

  @Test
  void listNamesEveryCommandFollowedByItsSubcommands() {
    String list = node.text(session, "COMMAND", "LIST");
    assertTrue(list.startsWith("[\"ping\", \"echo\", \"hello\", \"auth\", \"select\", \"quit\", \"reset\", \"client\", "
        + "\"client|id\", \"client|getname\", "), list);
    assertTrue(list.contains("\"command\", \"command|count\", \"command|docs\""), list);
    assertTrue(list.endsWith("\"cluster|help\", \"migrate\", \"wait\", \"get\", \"mset\"]"), list);
    assertEquals(20 + 9 + 7 + 24 + 5, ((Reply.Array) node.run(session, "COMMAND", "LIST")).items().size());
  }

  @Test
  void helpDescribesEachSubcommand() {
    String help = node.text(session, "COMMAND", "HELP");
    assertTrue(help.startsWith("[+COMMAND <subcommand> [<arg> ...]. Subcommands are:, +COUNT, "), help);
    assertTrue(help.contains("+GETKEYS <command> [<arg> ...], +    Returns the keys of a whole command line."), help);
  }
}
