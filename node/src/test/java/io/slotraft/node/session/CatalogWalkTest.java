package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.cluster.ClusterCommands;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every command and subcommand the register methods declare, so that the table, COMMAND's
 * description of it, HELP and the handlers cannot drift apart. A new entry fails
 * {@link #everyEntryHasASampleCall} until it is given a sample call here.
 */
class CatalogWalkTest {
  /** One valid call per entry, and whether Redis answers it with an error on this node. */
  private static final Map<String, String> SAMPLES = new TreeMap<>(Map.ofEntries(
      Map.entry("ping", "PING"), Map.entry("echo", "ECHO x"), Map.entry("hello", "HELLO 3"),
      Map.entry("auth", "AUTH default pw"), Map.entry("select", "SELECT 0"), Map.entry("quit", "QUIT"),
      Map.entry("reset", "RESET"), Map.entry("readonly", "READONLY"), Map.entry("readwrite", "READWRITE"),
      Map.entry("asking", "ASKING"), Map.entry("client", "CLIENT ID"), Map.entry("client|id", "CLIENT ID"),
      Map.entry("client|getname", "CLIENT GETNAME"), Map.entry("client|setname", "CLIENT SETNAME x"),
      Map.entry("client|info", "CLIENT INFO"), Map.entry("client|list", "CLIENT LIST"),
      Map.entry("client|setinfo", "CLIENT SETINFO lib-name x"), Map.entry("client|no-evict", "CLIENT NO-EVICT on"),
      Map.entry("client|no-touch", "CLIENT NO-TOUCH off"), Map.entry("client|help", "CLIENT HELP"),
      Map.entry("command", "COMMAND"), Map.entry("command|count", "COMMAND COUNT"),
      Map.entry("command|docs", "COMMAND DOCS"), Map.entry("command|getkeys", "COMMAND GETKEYS get k"),
      Map.entry("command|getkeysandflags", "COMMAND GETKEYSANDFLAGS get k"),
      Map.entry("command|info", "COMMAND INFO"), Map.entry("command|list", "COMMAND LIST"),
      Map.entry("command|help", "COMMAND HELP"), Map.entry("info", "INFO"), Map.entry("time", "TIME"),
      Map.entry("cluster", "CLUSTER INFO"), Map.entry("cluster|info", "CLUSTER INFO"),
      Map.entry("cluster|myid", "CLUSTER MYID"), Map.entry("cluster|myshardid", "CLUSTER MYSHARDID"),
      Map.entry("cluster|nodes", "CLUSTER NODES"), Map.entry("cluster|shards", "CLUSTER SHARDS"),
      Map.entry("cluster|slots", "CLUSTER SLOTS"), Map.entry("cluster|keyslot", "CLUSTER KEYSLOT k"),
      Map.entry("cluster|countkeysinslot", "CLUSTER COUNTKEYSINSLOT 1"),
      Map.entry("cluster|getkeysinslot", "CLUSTER GETKEYSINSLOT 1 10"), Map.entry("cluster|help", "CLUSTER HELP"),
      Map.entry("config", "CONFIG HELP"), Map.entry("config|get", "CONFIG GET max*"),
      Map.entry("config|set", "CONFIG SET slotraft-snapshot-log-entries 5"), Map.entry("config|resetstat", "CONFIG RESETSTAT"),
      Map.entry("config|rewrite", "CONFIG REWRITE"), Map.entry("config|help", "CONFIG HELP"),
      Map.entry("wait", "WAIT 1 0"),
      // Refused by design, each naming the slotraft-admin command to use (ReshardingRefusals).
      Map.entry("cluster|setslot", "CLUSTER SETSLOT 1 STABLE"), Map.entry("cluster|addslots", "CLUSTER ADDSLOTS 1"),
      Map.entry("cluster|addslotsrange", "CLUSTER ADDSLOTSRANGE 1 2"), Map.entry("cluster|delslots", "CLUSTER DELSLOTS 1"),
      Map.entry("cluster|delslotsrange", "CLUSTER DELSLOTSRANGE 1 2"),
      Map.entry("cluster|flushslots", "CLUSTER FLUSHSLOTS"), Map.entry("cluster|meet", "CLUSTER MEET 127.0.0.1 7000"),
      Map.entry("cluster|forget", "CLUSTER FORGET x"), Map.entry("cluster|replicate", "CLUSTER REPLICATE x"),
      Map.entry("cluster|failover", "CLUSTER FAILOVER"), Map.entry("cluster|reset", "CLUSTER RESET"),
      Map.entry("cluster|saveconfig", "CLUSTER SAVECONFIG"),
      Map.entry("cluster|set-config-epoch", "CLUSTER SET-CONFIG-EPOCH 1"),
      Map.entry("cluster|bumpepoch", "CLUSTER BUMPEPOCH"), Map.entry("migrate", "MIGRATE 127.0.0.1 7002 k 0 5000")));

  private final TestNode node = new TestNode();
  private final ClientSession session = node.connect("127.0.0.1:50000", 0);

  static List<CommandEntry> sessionEntries() {
    CommandCatalog catalog = TestNode.buildCatalog();
    return CommandEntry.allWithSubcommands(catalog).stream()
        .filter(entry -> !(entry.command().handler() instanceof KeyspaceHandler)).toList();
  }

  /** Each entry with its full name first, so that test names read "client|setname". */
  static Stream<Arguments> entries() {
    return sessionEntries().stream().map(entry -> Arguments.of(entry.fullName(), entry));
  }

  @Test
  void everyEntryHasASampleCall() {
    TreeSet<String> declared = new TreeSet<>();
    sessionEntries().forEach(entry -> declared.add(entry.fullName()));
    assertEquals(declared, SAMPLES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void sampleCallSucceeds(String name, CommandEntry entry) {
    Reply reply = node.run(session, TestNode.words(SAMPLES.get(entry.fullName())));
    // CONFIG REWRITE always refuses: settings come from flags, environment and file, not redis.conf.
    // Reshaping by hand always refuses: meta does it, through slotraft-admin.
    boolean refusesByDesign = entry.fullName().equals("config|rewrite") || entry.summary().startsWith("Not offered");
    assertEquals(refusesByDesign, reply instanceof Reply.Error, entry.fullName() + " answered " + ReplyText.of(reply));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void commandInfoReportsTheDeclaredNameAndArity(String name, CommandEntry entry) {
    String info = node.text(session, "COMMAND", "INFO", entry.fullName());
    assertTrue(info.startsWith("[[\"" + entry.fullName() + "\", :" + entry.arity() + ", ~["), info);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void entryIsDocumented(String name, CommandEntry entry) {
    assertFalse(entry.summary().isBlank(), entry.fullName());
    assertTrue(entry.since().matches("\\d+\\.\\d+\\.\\d+"), entry.fullName());
    assertTrue(entry.command().handler() instanceof SessionHandler, entry.fullName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void subcommandArityIsEnforcedWithRedisText(String name, CommandEntry entry) {
    if (entry.subcommand() == null) {
      return;
    }
    List<String> argv = new ArrayList<>(List.of(TestNode.words(SAMPLES.get(entry.fullName()))));
    int arity = entry.arity();
    if (arity > 0) {
      argv.add("extra");
    } else if (-arity > 2) {
      argv = argv.subList(0, -arity - 1);
    } else {
      return;
    }
    assertEquals("-ERR wrong number of arguments for '" + entry.fullName() + "' command",
        node.text(session, argv.toArray(String[]::new)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void subcommandIsInItsContainersHelp(String name, CommandEntry entry) {
    if (entry.subcommand() == null) {
      return;
    }
    String help = node.text(session, entry.command().name(), "HELP");
    assertTrue(help.contains("+" + entry.subcommand().usage() + ", +    " + entry.subcommand().summary()), help);
  }
}
