package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InfoRendererTest {
  private static final Pattern TITLE = Pattern.compile("(?:^|\n)# (\\w+)\r\n");
  private static final List<String> DEFAULT_SECTIONS =
      List.of("Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "CPU", "Cluster", "Keyspace");

  private final TestNode node = new TestNode();

  private String info(String... sections) {
    return InfoRenderer.render(node, List.of(sections));
  }

  private static List<String> titles(String text) {
    List<String> titles = new ArrayList<>();
    Matcher matcher = TITLE.matcher(text);
    while (matcher.find()) {
      titles.add(matcher.group(1));
    }
    return titles;
  }

  @Test
  void withoutArgumentsShowsRedisDefaultSectionsInRedisOrder() {
    assertEquals(DEFAULT_SECTIONS, titles(info()));
    assertEquals(DEFAULT_SECTIONS, titles(info("default")));
  }

  @Test
  void everyLineIsATitleANameValuePairOrTheBlankBetweenSections() {
    String text = info("everything");
    assertTrue(text.startsWith("# Server\r\nredis_version:7.2.0\r\n"), text);
    assertTrue(text.endsWith("\r\n"));
    assertFalse(text.replace("\r\n", "").contains("\n"), "bare LF");
    for (String line : text.split("\r\n", -1)) {
      assertTrue(line.isEmpty() || line.matches("# [A-Za-z]+") || line.matches("[a-z0-9_|]+:[^\r\n]*"), line);
    }
    assertTrue(text.contains("\r\n\r\n# Clients\r\n"));
  }

  static Stream<Arguments> selections() {
    List<String> all = new ArrayList<>(DEFAULT_SECTIONS);
    all.add(7, "Commandstats");
    return Stream.of(
        Arguments.of(List.of("all"), all),
        Arguments.of(List.of("EVERYTHING"), all),
        Arguments.of(List.of("default", "commandstats"), all),
        Arguments.of(List.of("cluster", "Server"), List.of("Server", "Cluster")),
        Arguments.of(List.of("cpu"), List.of("CPU")),
        Arguments.of(List.of("nosuch"), List.of()));
  }

  @ParameterizedTest(name = "INFO {0}")
  @MethodSource("selections")
  void sectionsAreChosenAsRedisChoosesThem(List<String> requested, List<String> expected) {
    assertEquals(expected, titles(InfoRenderer.render(node, requested)));
  }

  @Test
  void anUnknownSectionIsAnEmptyReply() {
    assertEquals("", info("nosuch"));
  }

  @Test
  void serverSectionCarriesTheNodesFacts() {
    String server = info("server");
    for (String line : List.of("redis_version:7.2.0", "redis_mode:cluster", "tcp_port:7001",
        "server_time_usec:1700000123456000", "uptime_in_seconds:90061", "uptime_in_days:1", "slotraft_version:dev")) {
      assertTrue(server.contains("\r\n" + line + "\r\n"), line);
    }
    assertTrue(server.matches("(?s).*\r\nrun_id:[0-9a-f]{40}\r\n.*"), server);
    assertTrue(server.matches("(?s).*\r\nprocess_id:\\d+\r\n.*"), server);
  }

  @Test
  void clientsCountsTheOpenConnections() {
    node.connect("127.0.0.1:1", 0);
    node.connect("127.0.0.1:2", 0);
    assertEquals("# Clients\r\nconnected_clients:2\r\ncluster_connections:0\r\nblocked_clients:0\r\n"
        + "tracking_clients:0\r\n", info("clients"));
  }

  @Test
  void statsComeFromServerStats() {
    node.stats().connectionOpened();
    node.stats().connectionOpened();
    node.stats().commandDone("get", 4, false);
    node.stats().commandDone("get", 6, true);
    String stats = info("stats");
    assertTrue(stats.startsWith("# Stats\r\ntotal_connections_received:2\r\ntotal_commands_processed:2\r\n"
        + "instantaneous_ops_per_sec:0\r\n"), stats);
    assertTrue(stats.contains("\r\nrejected_connections:0\r\n"), stats);
    assertTrue(stats.endsWith("\r\ntotal_error_replies:1\r\n"), stats);
  }

  @Test
  void commandstatsHasOneLinePerCommandCalledSortedByName() {
    node.stats().commandDone("get", 4, false);
    node.stats().commandDone("get", 3, false);
    node.stats().commandDone("get", 3, true);
    node.stats().commandDone("client|list", 7, false);
    assertEquals("# Commandstats\r\n"
        + "cmdstat_client|list:calls=1,usec=7,usec_per_call=7.00,rejected_calls=0,failed_calls=0\r\n"
        + "cmdstat_get:calls=3,usec=10,usec_per_call=3.33,rejected_calls=0,failed_calls=1\r\n", info("commandstats"));
  }

  @Test
  void clusterAndEmptyKeyspace() {
    assertEquals("# Cluster\r\ncluster_enabled:1\r\n\r\n# Keyspace\r\n", info("cluster", "keyspace"));
  }

  @Test
  void factsReplaceFieldsInPlaceAddNewOnesAndNewSections() {
    node.addFact("keyspace", "db0", "keys=3,expires=1,avg_ttl=0");
    node.addFact("replication", "connected_slaves", "2");
    node.addFact("replication", "raft_role", "leader");
    node.addFact("Raft", "raft_shards_led", "1");

    assertEquals("# Keyspace\r\ndb0:keys=3,expires=1,avg_ttl=0\r\n", info("keyspace"));
    assertEquals("# Replication\r\nrole:master\r\nconnected_slaves:2\r\nmaster_failover_state:no-failover\r\n"
        + "master_repl_offset:0\r\nraft_role:leader\r\n", info("replication"));
    assertEquals("# Raft\r\nraft_shards_led:1\r\n", info("RAFT"));
    List<String> withRaft = new ArrayList<>(DEFAULT_SECTIONS);
    withRaft.add("Raft");
    assertEquals(withRaft, titles(info()));
  }

  @Test
  void memoryAndCpuUseRedisNamesAndFormats() {
    String memory = info("memory");
    assertTrue(memory.matches("(?s)# Memory\r\nused_memory:\\d+\r\nused_memory_human:\\d+(B|\\.\\d\\d[KMGTP])\r\n.*"),
        memory);
    assertTrue(memory.contains("\r\nmaxmemory:0\r\nmaxmemory_human:0B\r\nmaxmemory_policy:noeviction\r\n"), memory);
    assertTrue(info("cpu").matches("# CPU\r\nused_cpu_sys:\\d+\\.\\d{6}\r\nused_cpu_user:\\d+\\.\\d{6}\r\n"
        + "used_cpu_sys_children:0\\.000000\r\nused_cpu_user_children:0\\.000000\r\n"), info("cpu"));
  }

  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource({"0, 0B", "1023, 1023B", "1024, 1.00K", "1536, 1.50K", "1048576, 1.00M", "5368709120, 5.00G",
      "1099511627776, 1.00T"})
  void bytesForHumansAsRedisPrintsThem(long bytes, String expected) {
    assertEquals(expected, ProcessInfo.human(bytes));
  }
}
