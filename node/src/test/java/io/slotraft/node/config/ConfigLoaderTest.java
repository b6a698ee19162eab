package io.slotraft.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void autoSplitIsOffByDefaultAndTakesWholeNonNegativeThresholds() throws Exception {
    NodeConfig defaults = new ConfigLoader().flags(flags("n1")).load();
    assertEquals(List.of(0L, 0L), List.of(defaults.autoSplitKeys(), defaults.autoSplitBytes()));
    Map<ConfigKey, String> set = new java.util.HashMap<>(flags("n1"));
    set.put(ConfigKey.AUTO_SPLIT_KEYS, "1000000");
    set.put(ConfigKey.AUTO_SPLIT_BYTES, "17179869184");
    NodeConfig config = new ConfigLoader().flags(set).load();
    assertEquals(List.of(1_000_000L, 17_179_869_184L), List.of(config.autoSplitKeys(), config.autoSplitBytes()));
    for (String bad : new String[] {"-1", "1e6", "lots"}) {
      set.put(ConfigKey.AUTO_SPLIT_KEYS, bad);
      ConfigException refused = assertThrows(ConfigException.class, () -> new ConfigLoader().flags(set).load());
      assertTrue(refused.getMessage().contains("--auto-split-keys must be a whole number"), refused.getMessage());
    }
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
        "node 'n9' is not in --members, so it joins a running cluster and needs --host, --resp-port, --grpc-port, "
            + "--raft-port, --http-port");
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
    assertMessage(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, MEMBERS, ConfigKey.DATA_DIR, "x",
        ConfigKey.HOST, "127.0.0.1", ConfigKey.RESP_PORT, "7004", ConfigKey.GRPC_PORT, "7104",
        ConfigKey.RAFT_PORT, "7204", ConfigKey.HTTP_PORT, "7304"), "a new node that joins the cluster needs a name that is not in --members");
  }

  /** n4 on the port scheme of deploy/local-cluster.sh, seeded with the three bootstrap members. */
  private Map<ConfigKey, String> joining(String name) {
    Map<ConfigKey, String> flags = new java.util.HashMap<>(flags(name));
    flags.putAll(Map.of(ConfigKey.HOST, "127.0.0.1", ConfigKey.RESP_PORT, "7004", ConfigKey.GRPC_PORT, "7104",
        ConfigKey.RAFT_PORT, "7204", ConfigKey.HTTP_PORT, "7304"));
    return flags;
  }

  @Test
  void aNodeNotInMembersJoinsWithTheAddressItIsGiven() throws Exception {
    NodeConfig config = new ConfigLoader().flags(joining("n4")).load();
    assertTrue(config.joining());
    assertEquals("n4", config.self().name());
    assertEquals("127.0.0.1", config.self().host());
    assertEquals(7004, config.self().respPort());
    assertEquals(7104, config.self().grpcPort());
    assertEquals(7204, config.self().raftPort());
    assertEquals(7304, config.self().httpPort());
    assertEquals(java.util.List.of("n1", "n2", "n3"), config.members().stream().map(m -> m.name()).toList(),
        "the members stay the bootstrap members, the joining node's seeds");
    assertEquals(3, config.replicationFactor());
    assertFalse(new ConfigLoader().flags(flags("n1")).load().joining());
  }

  @Test
  void aJoiningNodesIdIsTheIdItWouldHaveAsAMember() throws Exception {
    String joined = new ConfigLoader().flags(joining("n4")).load().self().nodeId();
    Map<ConfigKey, String> listed = new java.util.HashMap<>(flags("n4"));
    listed.put(ConfigKey.MEMBERS, MEMBERS + ",n4@127.0.0.1:7004:7104:7204:7304");
    NodeConfig asMember = new ConfigLoader().flags(listed).load();
    assertFalse(asMember.joining());
    assertEquals(asMember.self().nodeId(), joined);
    assertEquals(joined, new ConfigLoader().flags(joining("n4")).load().self().nodeId(), "stable across restarts");
    Map<ConfigKey, String> otherCluster = joining("n4");
    otherCluster.put(ConfigKey.CLUSTER_NAME, "other");
    assertNotEquals(joined, new ConfigLoader().flags(otherCluster).load().self().nodeId());
  }

  @Test
  void aJoiningNodeIsToldEachAddressSettingItLacks() {
    for (ConfigKey key : new ConfigKey[] {ConfigKey.HOST, ConfigKey.RESP_PORT, ConfigKey.GRPC_PORT,
        ConfigKey.RAFT_PORT, ConfigKey.HTTP_PORT}) {
      Map<ConfigKey, String> flags = joining("n4");
      flags.remove(key);
      assertMessage(flags, "node 'n4' is not in --members, so it joins a running cluster and needs " + key.flag()
          + " (a flag, its SLOTRAFT_ variable or a config-file key; a member's name would be one of [n1, n2, n3])");
      flags.put(key, " ");
      assertMessage(flags, "needs " + key.flag() + " (");
    }
    Map<ConfigKey, String> two = joining("n4");
    two.remove(ConfigKey.GRPC_PORT);
    two.remove(ConfigKey.HTTP_PORT);
    assertMessage(two, "needs --grpc-port, --http-port (");
  }

  @Test
  void aJoiningNodesAddressMayComeFromTheEnvironmentOrAFile() throws Exception {
    Path file = dir.resolve("n4.properties");
    Files.writeString(file, "host=127.0.0.1\nresp-port=7004\ngrpc-port=7104\n");
    NodeConfig config = new ConfigLoader().file(file)
        .environment(Map.of("SLOTRAFT_RAFT_PORT", "7204", "SLOTRAFT_HTTP_PORT", "7304"))
        .flags(flags("n4")).load();
    assertTrue(config.joining());
    assertEquals(7104, config.self().grpcPort());
    assertEquals(7204, config.self().raftPort());
  }

  @Test
  void aJoiningNodeMayNotTakeAMembersAddress() throws Exception {
    Map<ConfigKey, String> flags = joining("n4");
    flags.put(ConfigKey.RAFT_PORT, "7102");
    assertMessage(flags, "node 'n4' would listen on 127.0.0.1:7102 (--raft-port), which is member n2's gRPC port; "
        + "a joining node needs addresses no member uses");
    flags.put(ConfigKey.RAFT_PORT, "7204");
    flags.put(ConfigKey.RESP_PORT, "7003");
    assertMessage(flags, "127.0.0.1:7003 (--resp-port), which is member n3's RESP port");
    flags.put(ConfigKey.HOST, "10.0.0.4");
    assertEquals(7003, new ConfigLoader().flags(flags).load().self().respPort(), "another host may reuse the port");
  }

  @Test
  void aJoiningNodeNeedsFourDifferentPortsAndAWritableAddress() {
    Map<ConfigKey, String> flags = joining("n4");
    flags.put(ConfigKey.HTTP_PORT, "7104");
    assertMessage(flags, "node 'n4' is given port 7104 as both --grpc-port and --http-port; a node needs four "
        + "different ports");
    flags = joining("n4");
    flags.put(ConfigKey.GRPC_PORT, "70000");
    assertMessage(flags, "--grpc-port must be a whole number from 1 to 65535, got '70000' (flag --grpc-port)");
    flags = joining("n4");
    flags.put(ConfigKey.HOST, "127.0.0.1:7004");
    assertMessage(flags, "--host must be a host name or IPv4 address, got '127.0.0.1:7004' (flag --host)");
    assertMessage(joining("n4,n5"), "--name must not contain spaces, ',' or '@' (it could not be written in "
        + "--members), got 'n4,n5' (flag --name)");
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
