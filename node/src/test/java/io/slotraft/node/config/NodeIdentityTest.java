package io.slotraft.node.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {
  @TempDir
  Path dir;

  private NodeConfig config(String name, Path dataDir) throws ConfigException {
    return new ConfigLoader().flags(Map.of(ConfigKey.NAME, name, ConfigKey.MEMBERS, ConfigLoaderTest.MEMBERS,
        ConfigKey.DATA_DIR, dataDir.toString())).load();
  }

  @Test
  void aNodeReclaimsItsOwnDirectory() throws Exception {
    NodeIdentity.claim(config("n1", dir.resolve("n1")));
    assertDoesNotThrow(() -> NodeIdentity.claim(config("n1", dir.resolve("n1"))));
  }

  private NodeConfig joining(String name, Path dataDir, String seeds) throws ConfigException {
    return new ConfigLoader().flags(Map.of(ConfigKey.NAME, name, ConfigKey.MEMBERS, seeds,
        ConfigKey.DATA_DIR, dataDir.toString(), ConfigKey.HOST, "127.0.0.1", ConfigKey.RESP_PORT, "7004",
        ConfigKey.GRPC_PORT, "7104", ConfigKey.RAFT_PORT, "7204", ConfigKey.HTTP_PORT, "7304")).load();
  }

  @Test
  void aJoiningNodeWritesItsIdentityOnFirstStartAndReclaimsItOnRestart() throws Exception {
    Path data = dir.resolve("n4");
    NodeConfig first = joining("n4", data, ConfigLoaderTest.MEMBERS);
    NodeIdentity.claim(first);
    Properties written = new Properties();
    try (Reader reader = Files.newBufferedReader(data.resolve(NodeIdentity.FILE_NAME))) {
      written.load(reader);
    }
    assertEquals("n4", written.getProperty("name"));
    assertEquals(first.self().nodeId(), written.getProperty("node-id"));
    assertEquals("n1,n2,n3", written.getProperty("member-names"), "the seeds it was given");
    assertDoesNotThrow(() -> NodeIdentity.claim(joining("n4", data, ConfigLoaderTest.MEMBERS)));
  }

  @Test
  void aJoiningNodeRestartedWithOtherSeedsOrAsAMemberIsRefused() throws Exception {
    Path data = dir.resolve("n4");
    NodeIdentity.claim(joining("n4", data, ConfigLoaderTest.MEMBERS));
    ConfigException seeds = assertThrows(ConfigException.class, () -> NodeIdentity.claim(joining("n4", data,
        "n2@127.0.0.1:7002:7102:7202:7302,n1@127.0.0.1:7001:7101:7201:7301,n3@127.0.0.1:7003:7103:7203:7303")));
    assertTrue(seeds.getMessage().contains("was created with members n1,n2,n3, not n2,n1,n3"), seeds.getMessage());
    ConfigException member = assertThrows(ConfigException.class, () -> NodeIdentity.claim(config("n1", data)));
    assertTrue(member.getMessage().contains("belongs to node 'n4'"), member.getMessage());
  }

  @Test
  void aRestartWithAnotherShardCountIsRefused() throws Exception {
    Path data = dir.resolve("n1");
    NodeIdentity.claim(new ConfigLoader().flags(Map.of(ConfigKey.NAME, "n1", ConfigKey.MEMBERS, ConfigLoaderTest.MEMBERS,
        ConfigKey.DATA_DIR, data.toString(), ConfigKey.SHARDS, "12")).load());
    ConfigException error = assertThrows(ConfigException.class, () -> NodeIdentity.claim(config("n1", data)));
    assertTrue(error.getMessage().contains("was created with --shards 12, not 1"), error.getMessage());
  }

  @Test
  void aDirectoryFromBeforeShardsIsOneShard() throws Exception {
    Path data = dir.resolve("old");
    Files.createDirectories(data);
    NodeConfig config = config("n1", data);
    Files.writeString(data.resolve(NodeIdentity.FILE_NAME),
        "cluster-name=slotraft\nname=n1\nnode-id=" + config.self().nodeId() + "\n");
    assertDoesNotThrow(() -> NodeIdentity.claim(config));
  }

  @Test
  void anotherNodesDirectoryIsRefused() throws Exception {
    NodeIdentity.claim(config("n1", dir.resolve("shared")));
    ConfigException error = assertThrows(ConfigException.class, () -> NodeIdentity.claim(config("n2", dir.resolve("shared"))));
    assertTrue(error.getMessage().contains("belongs to node 'n1'"), error.getMessage());
  }

  @Test
  void aDamagedIdentityFileIsReported() throws Exception {
    Path data = dir.resolve("damaged");
    Files.createDirectories(data);
    Files.writeString(data.resolve(NodeIdentity.FILE_NAME), "garbage\n");
    ConfigException error = assertThrows(ConfigException.class, () -> NodeIdentity.claim(config("n1", data)));
    assertTrue(error.getMessage().contains("is damaged"), error.getMessage());
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsReported() throws Exception {
    Path file = dir.resolve("plain-file");
    Files.writeString(file, "x");
    ConfigException error = assertThrows(ConfigException.class, () -> NodeIdentity.claim(config("n1", file)));
    assertTrue(error.getMessage().contains("is not a directory"), error.getMessage());
  }
}
