package io.slotraft.node.config;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.PlacementPlanner;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Merges settings from a properties file, the environment and the command line (later wins) and
 * checks them into a {@link NodeConfig}. Every message names the setting and where it came from.
 */
public final class ConfigLoader {
  /** A node's four ports, in the order of a --members entry; a joining node must be given each, and its host. */
  private static final List<ConfigKey> PORT_KEYS = List.of(ConfigKey.RESP_PORT, ConfigKey.GRPC_PORT,
      ConfigKey.RAFT_PORT, ConfigKey.HTTP_PORT);
  private static final List<String> PORT_NAMES = List.of("RESP", "gRPC", "Raft", "HTTP");

  private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
  private final Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);

  /** Lowest precedence: a properties file whose keys are the setting names ({@code resp-port=7001}). */
  public ConfigLoader file(Path file) throws ConfigException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    for (String name : properties.stringPropertyNames()) {
      ConfigKey key = ConfigKey.byKey(name);
      if (key == null) {
        throw new ConfigException("unknown setting '" + name + "' in " + file);
      }
      put(key, properties.getProperty(name).trim(), "config file " + file);
    }
    return this;
  }

  /** Middle precedence: {@code SLOTRAFT_*} variables. */
  public ConfigLoader environment(Map<String, String> environment) {
    for (ConfigKey key : ConfigKey.values()) {
      String value = environment.get(key.environmentVariable());
      if (value != null && !value.isBlank()) {
        put(key, value.trim(), "environment variable " + key.environmentVariable());
      }
    }
    return this;
  }

  /** Highest precedence: values given as command-line flags. */
  public ConfigLoader flags(Map<ConfigKey, String> flags) {
    flags.forEach((key, value) -> put(key, value, "flag " + key.flag()));
    return this;
  }

  private void put(ConfigKey key, String value, String source) {
    values.put(key, value);
    sources.put(key, source);
  }

  public NodeConfig load() throws ConfigException {
    String clusterName = text(ConfigKey.CLUSTER_NAME);
    String name = required(ConfigKey.NAME);
    List<ClusterMember> members = parseMembers(required(ConfigKey.MEMBERS), clusterName);
    ClusterMember listed = members.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    ClusterMember self = listed != null ? memberSelf(listed) : joiningSelf(clusterName, name, members);
    return new NodeConfig(clusterName, self, members, Path.of(required(ConfigKey.DATA_DIR)),
        intInRange(ConfigKey.ELECTION_TIMEOUT_MS, 100, 60_000), intInRange(ConfigKey.SNAPSHOT_INTERVAL_SECS, 0, 86_400 * 7),
        intInRange(ConfigKey.SNAPSHOT_LOG_ENTRIES, 0, Integer.MAX_VALUE), intInRange(ConfigKey.MAX_INFLIGHT_WRITES, 16, 1 << 20),
        readMode(), intInRange(ConfigKey.RESP_THREADS, 1, 256), intInRange(ConfigKey.SHARDS, 1, PlacementPlanner.MAX_SHARDS),
        replicationFactor(members.size()), intInRange(ConfigKey.META_WAIT_SECS, 1, 86_400),
        intInRange(ConfigKey.SNAPSHOT_COPY_MB_PER_SEC, 0, 1 << 20), longInRange(ConfigKey.AUTO_SPLIT_KEYS, 0, Long.MAX_VALUE),
        longInRange(ConfigKey.AUTO_SPLIT_BYTES, 0, Long.MAX_VALUE));
  }

  /** A member's own flags may repeat its entry in --members, never contradict it: the others dial that entry. */
  private ClusterMember memberSelf(ClusterMember listed) throws ConfigException {
    ClusterMember self = new ClusterMember(listed.nodeId(), listed.name(),
        values.getOrDefault(ConfigKey.HOST, listed.host()),
        port(ConfigKey.RESP_PORT, listed.respPort()), port(ConfigKey.GRPC_PORT, listed.grpcPort()),
        port(ConfigKey.RAFT_PORT, listed.raftPort()), port(ConfigKey.HTTP_PORT, listed.httpPort()));
    if (!self.equals(listed)) {
      throw new ConfigException("this node's address " + describe(self) + " differs from its entry in members "
          + describe(listed) + "; other nodes would not find it (a new node that joins the cluster needs a name "
          + "that is not in --members)");
    }
    return self;
  }

  /**
   * A node whose name is not in --members joins a running cluster: the list says nothing about where
   * it listens, so it must be told, and it may take neither a member's name (that would make it the
   * member) nor any address a member already uses. Its id comes from the same function as the
   * members' ids, so it is as stable across restarts as theirs.
   */
  private ClusterMember joiningSelf(String clusterName, String name, List<ClusterMember> members)
      throws ConfigException {
    checkJoiningName(name);
    List<String> missing = new ArrayList<>();
    for (ConfigKey key : joiningAddressKeys()) {
      String value = values.get(key);
      if (value == null || value.isBlank()) {
        missing.add(key.flag());
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException("node '" + name + "' is not in --members, so it joins a running cluster and needs "
          + String.join(", ", missing) + " (a flag, its SLOTRAFT_ variable or a config-file key; a member's name "
          + "would be one of " + names(members) + ")");
    }
    String host = values.get(ConfigKey.HOST);
    if (!host.matches("[^\\s:,@]+")) {
      throw new ConfigException(ConfigKey.HOST.flag() + " must be a host name or IPv4 address, got '" + host + "' ("
          + sources.get(ConfigKey.HOST) + ")");
    }
    ClusterMember self = new ClusterMember(nodeId(clusterName, name), name, host,
        intInRange(ConfigKey.RESP_PORT, 1, 65_535), intInRange(ConfigKey.GRPC_PORT, 1, 65_535),
        intInRange(ConfigKey.RAFT_PORT, 1, 65_535), intInRange(ConfigKey.HTTP_PORT, 1, 65_535));
    checkOwnAddresses(self, members);
    return self;
  }

  private static List<ConfigKey> joiningAddressKeys() {
    List<ConfigKey> keys = new ArrayList<>(List.of(ConfigKey.HOST));
    keys.addAll(PORT_KEYS);
    return keys;
  }

  /** The name must be writable in a --members entry, where the cluster may list this node one day. */
  private void checkJoiningName(String name) throws ConfigException {
    if (!name.matches("[^\\s,@]+")) {
      throw new ConfigException(ConfigKey.NAME.flag() + " must not contain spaces, ',' or '@' (it could not be "
          + "written in --members), got '" + name + "' (" + sources.get(ConfigKey.NAME) + ")");
    }
  }

  /** Four different ports, none of them an address a member already uses. */
  private static void checkOwnAddresses(ClusterMember self, List<ClusterMember> members) throws ConfigException {
    int[] own = ports(self);
    for (int i = 0; i < own.length; i++) {
      for (int j = 0; j < i; j++) {
        if (own[i] == own[j]) {
          throw new ConfigException("node '" + self.name() + "' is given port " + own[i] + " as both "
              + PORT_KEYS.get(j).flag() + " and " + PORT_KEYS.get(i).flag()
              + "; a node needs four different ports");
        }
      }
    }
    for (ClusterMember member : members.stream().filter(m -> m.host().equals(self.host())).toList()) {
      int[] theirs = ports(member);
      for (int i = 0; i < own.length; i++) {
        for (int j = 0; j < theirs.length; j++) {
          if (own[i] == theirs[j]) {
            throw new ConfigException("node '" + self.name() + "' would listen on " + self.host() + ":" + own[i] + " ("
                + PORT_KEYS.get(i).flag() + "), which is member " + member.name() + "'s " + PORT_NAMES.get(j)
                + " port; a joining node needs addresses no member uses");
          }
        }
      }
    }
  }

  private static int[] ports(ClusterMember m) {
    return new int[] {m.respPort(), m.grpcPort(), m.raftPort(), m.httpPort()};
  }

  private static List<String> names(List<ClusterMember> members) {
    return members.stream().map(ClusterMember::name).toList();
  }

  /** The default of 3 shrinks to fit a smaller cluster; a factor set on purpose must fit. */
  private int replicationFactor(int memberCount) throws ConfigException {
    if (!values.containsKey(ConfigKey.REPLICATION_FACTOR)) {
      return Math.min(Integer.parseInt(ConfigKey.REPLICATION_FACTOR.defaultValue()), memberCount);
    }
    return intInRange(ConfigKey.REPLICATION_FACTOR, 1, memberCount);
  }

  private static String describe(ClusterMember m) {
    return m.host() + ":" + m.respPort() + ":" + m.grpcPort() + ":" + m.raftPort() + ":" + m.httpPort();
  }

  private String text(ConfigKey key) {
    String value = values.get(key);
    return value != null ? value : key.defaultValue();
  }

  private String required(ConfigKey key) throws ConfigException {
    String value = text(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException("missing setting " + key.flag() + " (or " + key.environmentVariable()
          + ", or '" + key.key() + "' in a config file): " + key.description());
    }
    return value;
  }

  private int port(ConfigKey key, int fallback) throws ConfigException {
    return values.containsKey(key) ? intInRange(key, 1, 65_535) : fallback;
  }

  private ReadMode readMode() throws ConfigException {
    String value = required(ConfigKey.READ_MODE);
    ReadMode mode = ReadMode.parse(value);
    if (mode == null) {
      throw new ConfigException(ConfigKey.READ_MODE.flag() + " must be readindex or lease, got '" + value + "' ("
          + sources.getOrDefault(ConfigKey.READ_MODE, "default") + ")");
    }
    return mode;
  }

  private int intInRange(ConfigKey key, int min, int max) throws ConfigException {
    return (int) longInRange(key, min, max);
  }

  private long longInRange(ConfigKey key, long min, long max) throws ConfigException {
    String value = required(key);
    try {
      long number = Long.parseLong(value);
      if (number < min || number > max) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new ConfigException(key.flag() + " must be a whole number from " + min + " to " + max + ", got '" + value
          + "' (" + sources.getOrDefault(key, "default") + ")");
    }
  }

  /** Parses {@code name@host:resp:grpc:raft:http[,...]}. */
  static List<ClusterMember> parseMembers(String text, String clusterName) throws ConfigException {
    List<ClusterMember> members = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> endpoints = new HashSet<>();
    for (String item : text.split(",")) {
      String entry = item.trim();
      int at = entry.indexOf('@');
      String[] parts = at < 0 ? new String[0] : entry.substring(at + 1).split(":");
      if (at <= 0 || parts.length != 5) {
        throw new ConfigException("bad member '" + entry + "': expected name@host:resp:grpc:raft:http, e.g. "
            + "n1@127.0.0.1:7001:7101:7201:7301");
      }
      String name = entry.substring(0, at);
      int[] ports = new int[4];
      for (int i = 0; i < 4; i++) {
        ports[i] = memberPort(entry, parts[i + 1]);
        if (!endpoints.add(parts[0] + ":" + ports[i])) {
          throw new ConfigException("member '" + entry + "' reuses address " + parts[0] + ":" + ports[i]);
        }
      }
      if (!names.add(name)) {
        throw new ConfigException("member name '" + name + "' appears twice in members");
      }
      members.add(new ClusterMember(nodeId(clusterName, name), name, parts[0], ports[0], ports[1], ports[2], ports[3]));
    }
    return members;
  }

  private static int memberPort(String entry, String text) throws ConfigException {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("bad port '" + text + "' in member '" + entry + "'");
    }
  }

  /** Redis Cluster style node id: 40 hex characters, stable for a (cluster, node name) pair. */
  static String nodeId(String clusterName, String nodeName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((clusterName + "/" + nodeName).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
    }
  }
}
