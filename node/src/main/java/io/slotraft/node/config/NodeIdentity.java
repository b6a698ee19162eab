package io.slotraft.node.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The identity file in a node's data directory. Written on first start, checked on every start, so
 * that a node pointed at another node's (or another cluster's) data refuses to start instead of
 * joining Raft groups under a false name.
 *
 * <p>It also records the layout the data was written under (shard count, replication factor,
 * member names in order). Meta records the plan these settings give once, at bootstrap, and is the
 * truth from then on; this check stops the mistake early and plainly (a restart with another layout
 * is refused), and it is what makes a cluster from before meta bootstrap meta to the layout its
 * data already has. Files written before shards existed have no layout; they were written with one
 * shard.
 *
 * <p>A joining node (not in {@code --members}) records the same layout: the member names it stores
 * are the seeds it was given, and it must be restarted with the same seeds, like any other node.
 */
public final class NodeIdentity {
  static final String FILE_NAME = "node-identity.properties";
  private static final String SHARDS = "shards";
  private static final String REPLICATION_FACTOR = "replication-factor";
  private static final String MEMBER_NAMES = "member-names";

  private NodeIdentity() {}

  /** Creates the data directory and identity file if new; otherwise checks they belong to this node. */
  public static void claim(NodeConfig config) throws ConfigException {
    Path dir = config.dataDir();
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new ConfigException("data directory " + dir + " exists but is not a directory");
      }
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new ConfigException("data directory " + dir + " is not writable");
      }
      Path file = dir.resolve(FILE_NAME);
      if (Files.exists(file)) {
        check(config, file);
      } else {
        write(config, file);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot use data directory " + dir + ": " + e.getMessage());
    }
  }

  private static void check(NodeConfig config, Path file) throws IOException, ConfigException {
    Properties stored = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      stored.load(reader);
    }
    String cluster = stored.getProperty("cluster-name");
    String name = stored.getProperty("name");
    String id = stored.getProperty("node-id");
    if (cluster == null || name == null || id == null) {
      throw new ConfigException(file + " is damaged (missing cluster-name, name or node-id); "
          + "restore it or start this node with an empty data directory to rejoin from its peers");
    }
    if (!cluster.equals(config.clusterName()) || !name.equals(config.self().name())
        || !id.equals(config.self().nodeId())) {
      throw new ConfigException("data directory " + config.dataDir() + " belongs to node '" + name + "' of cluster '"
          + cluster + "', not to node '" + config.self().name() + "' of cluster '" + config.clusterName() + "'");
    }
    checkLayout(config, stored);
  }

  private static void checkLayout(NodeConfig config, Properties stored) throws ConfigException {
    String shards = stored.getProperty(SHARDS, "1");
    if (!shards.equals(Integer.toString(config.shards()))) {
      throw new ConfigException("data directory " + config.dataDir() + " was created with --shards " + shards
          + ", not " + config.shards() + "; the shard count of a cluster cannot change (start every node with --shards "
          + shards + ")");
    }
    String factor = stored.getProperty(REPLICATION_FACTOR);
    if (factor != null && !factor.equals(Integer.toString(config.replicationFactor()))) {
      throw new ConfigException("data directory " + config.dataDir() + " was created with --replication-factor "
          + factor + ", not " + config.replicationFactor() + "; it cannot change (start every node with "
          + "--replication-factor " + factor + ")");
    }
    String members = stored.getProperty(MEMBER_NAMES);
    if (members != null && !members.equals(memberNames(config))) {
      throw new ConfigException("data directory " + config.dataDir() + " was created with members " + members
          + ", not " + memberNames(config) + "; shards are placed by the members and their order, which cannot change "
          + "yet");
    }
  }

  private static String memberNames(NodeConfig config) {
    return String.join(",", config.members().stream().map(m -> m.name()).toList());
  }

  private static void write(NodeConfig config, Path file) throws IOException {
    Properties identity = new Properties();
    identity.setProperty("cluster-name", config.clusterName());
    identity.setProperty("name", config.self().name());
    identity.setProperty("node-id", config.self().nodeId());
    identity.setProperty(SHARDS, Integer.toString(config.shards()));
    identity.setProperty(REPLICATION_FACTOR, Integer.toString(config.replicationFactor()));
    identity.setProperty(MEMBER_NAMES, memberNames(config));
    Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      identity.store(writer, "Slotraft node identity: do not edit");
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
