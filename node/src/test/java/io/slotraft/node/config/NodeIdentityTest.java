package io.slotraft.node.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
