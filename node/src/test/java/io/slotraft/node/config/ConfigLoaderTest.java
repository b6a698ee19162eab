package io.slotraft.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String MEMBERS = "n1@127.0.0.1:7001:7101:7201:7301,n2@127.0.0.1:7002:7102:7202:7302,"
      + "n3@127.0.0.1:7003:7103:7203:7303";

  @TempDir
  Path dir;

  private Map<ConfigKey, String> flags(String name) {
    return Map.of(ConfigKey.NAME, name, ConfigKey.MEMBERS, MEMBERS, ConfigKey.DATA_DIR, dir.toString());
  }

  @Test
  void portsComeFromTheNodesMemberEntry() throws Exception {
    NodeConfig config = new ConfigLoader().flags(flags("n2")).load();
    assertEquals(7002, config.self().respPort());
    assertEquals(7102, config.self().grpcPort());
    assertEquals(7202, config.self().raftPort());
    assertEquals(7302, config.self().httpPort());
    assertEquals(3, config.members().size());
    assertEquals(40, config.self().nodeId().length());
    assertEquals(1000, config.electionTimeoutMs());
  }

  @Test
  void fileThenEnvironmentThenFlagsLaterWins() throws Exception {
    Path file = dir.resolve("node.properties");
    Files.writeString(file, "name=n1\nmembers=" + MEMBERS + "\ndata-dir=" + dir + "\nelection-timeout-ms=1500\n"
        + "resp-threads=3\nsnapshot-interval-secs=60\n");
    NodeConfig config = new ConfigLoader().file(file)
        .environment(Map.of("SLOTRAFT_ELECTION_TIMEOUT_MS", "2000", "SLOTRAFT_RESP_THREADS", "4"))
        .flags(Map.of(ConfigKey.ELECTION_TIMEOUT_MS, "2500"))
        .load();
    assertEquals(2500, config.electionTimeoutMs(), "flag beats environment and file");
    assertEquals(4, config.respThreads(), "environment beats file");
    assertEquals(60, config.snapshotIntervalSecs(), "file beats default");
  }

  @Test
  void nodeIdsAreStableAndDistinct() throws Exception {
    String n1 = new ConfigLoader().flags(flags("n1")).load().self().nodeId();
    String again = new ConfigLoader().flags(flags("n1")).load().self().nodeId();
    String n2 = new ConfigLoader().flags(flags("n2")).load().self().nodeId();
    assertEquals(n1, again);
    assertTrue(!n1.equals(n2));
    assertTrue(n1.matches("[0-9a-f]{40}"), n1);
  }

  @Test
  void badSettingsGetMessagesThatNameThem() {
    assertMessage(Map.of(ConfigKey.MEMBERS, MEMBERS, ConfigKey.DATA_DIR, "x"), "missing setting --name");
    assertMessage(Map.of(ConfigKey.NAME, "n9", ConfigKey.MEMBERS, MEMBERS, ConfigKey.DATA_DIR, "x"),
        "node name 'n9'");
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, "n1@127.0.0.1:7001", ConfigKey.DATA_DIR, "x"),
        "expected name@host:resp:grpc:raft:http");
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, "n1@h:1:2:3:99999", ConfigKey.DATA_DIR, "x"),
        "bad port '99999'");
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, "n1@h:1:2:3:4,n1@h:5:6:7:8", ConfigKey.DATA_DIR, "x"),
        "appears twice");
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, "n1@h:1:2:3:4,n2@h:1:6:7:8", ConfigKey.DATA_DIR, "x"),
        "reuses address h:1");
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, MEMBERS, ConfigKey.DATA_DIR, "x",
        ConfigKey.ELECTION_TIMEOUT_MS, "soon"), "--election-timeout-ms must be a whole number from 100 to 60000, got 'soon'");
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, MEMBERS, ConfigKey.DATA_DIR, "x",
        ConfigKey.RESP_PORT, "7009"), "differs from its entry in members");
  }

  @Test
  void shardsAndReplicationFactorDefaultToTodaysLayoutAndAreChecked() throws Exception {
    NodeConfig config = new ConfigLoader().flags(flags("n1")).load();
    assertEquals(1, config.shards());
    assertEquals(3, config.replicationFactor());
    Map<ConfigKey, String> twelve = new java.util.HashMap<>(flags("n1"));
    twelve.put(ConfigKey.SHARDS, "12");
    assertEquals(12, new ConfigLoader().flags(twelve).load().shards());
    for (String bad : new String[] {"0", "16385", "many"}) {
      Map<ConfigKey, String> wrong = new java.util.HashMap<>(flags("n1"));
      wrong.put(ConfigKey.SHARDS, bad);
      assertMessage(wrong, "--shards must be a whole number from 1 to 16384, got '" + bad + "' (flag --shards)");
    }
    Map<ConfigKey, String> tooMany = new java.util.HashMap<>(flags("n1"));
    tooMany.put(ConfigKey.REPLICATION_FACTOR, "4");
    assertMessage(tooMany, "--replication-factor must be a whole number from 1 to 3, got '4' (flag --replication-factor)");
  }

  @Test
  void readsAreReadIndexByDefaultAndLeaseOnlyWhenAsked() throws Exception {
    assertEquals(ReadMode.READINDEX, new ConfigLoader().flags(flags("n1")).load().readMode());
    Map<ConfigKey, String> lease = new java.util.HashMap<>(flags("n1"));
    lease.put(ConfigKey.READ_MODE, "lease");
    assertEquals(ReadMode.LEASE, new ConfigLoader().flags(lease).load().readMode());
    lease.put(ConfigKey.READ_MODE, "stale");
    assertMessage(lease, "--read-mode must be readindex or lease, got 'stale' (flag --read-mode)");
  }

  @Test
  void theDefaultReplicationFactorShrinksToASmallerCluster() throws Exception {
    NodeConfig config = new ConfigLoader().flags(Map.of(ConfigKey.NAME, "n1", ConfigKey.DATA_DIR, dir.toString(),
        ConfigKey.MEMBERS, "n1@127.0.0.1:7001:7101:7201:7301")).load();
    assertEquals(1, config.replicationFactor());
  }

  @Test
  void unknownKeyInAFileIsRejected() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "resp-prot=7001\n");
    ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().file(file));
    assertTrue(error.getMessage().contains("unknown setting 'resp-prot'"), error.getMessage());
  }

  private static void assertMessage(Map<ConfigKey, String> flags, String expected) {
    ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().flags(flags).load());
    assertTrue(error.getMessage().contains(expected), "message was: " + error.getMessage());
  }
}
