package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.cluster.ClusterCommands;
import io.slotraft.node.cluster.ReshardingRefusals;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.ShardView;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node for tests: three members n1 (this node), n2 and n3, one shard over every slot led by n1,
 * epoch 7, a clock stopped at {@link #NOW_MS}, and a catalog built by the real register methods
 * plus two keyed commands (GET, MSET) for COMMAND's key reporting. {@link #run} plays the
 * dispatcher's part for session commands: lookup, arity, handler, errors thrown as replies.
 */
public final class TestNode implements NodeServices {
  public static final String ID1 = "07c37dfeb235213a872192d90877d0cd55635b91";
  public static final String ID2 = "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1";
  public static final String ID3 = "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f";
  public static final ClusterMember N1 = new ClusterMember(ID1, "n1", "127.0.0.1", 7001, 7101, 7201, 7301);
  public static final ClusterMember N2 = new ClusterMember(ID2, "n2", "127.0.0.1", 7002, 7102, 7202, 7302);
  public static final ClusterMember N3 = new ClusterMember(ID3, "n3", "127.0.0.1", 7003, 7103, 7203, 7303);
  /** 2023-11-14T22:15:23.456Z. */
  public static final long NOW_MS = 1_700_000_123_456L;
  /** Started 1 day, 1 hour, 1 minute and 1 second before {@link #NOW_MS}. */
  public static final long STARTED_MS = NOW_MS - 90_061_000L;

  private final CommandCatalog catalog = buildCatalog();
  private final ServerStats stats = new ServerStats(STARTED_MS);
  private final List<ClientSession> clients = new ArrayList<>();
  private final Map<String, Map<String, String>> facts = new LinkedHashMap<>();
  private ClusterView cluster = oneShard();

  public static ClusterView oneShard() {
    return new ClusterView(7, N1, List.of(N1, N2, N3),
        List.of(new ShardView("s1", 0, 16383, ID1, List.of(ID1, ID2, ID3))));
  }

  public static CommandCatalog buildCatalog() {
    CommandCatalog.Builder b = CommandCatalog.builder();
    ConnectionCommands.register(b);
    ServerCommands.register(b);
    ClusterCommands.register(b);
    ReshardingRefusals.register(b);
    WaitCommand.register(b);
    KeyspaceHandler unused = (context, args) -> Replies.OK;
    b.command("get", 2).flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1).group("string")
        .summary("Returns a string value.").handler(unused);
    b.command("mset", -3).flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, -1, 2).group("string")
        .summary("Sets several strings.").since("1.0.1").handler(unused);
    return b.build();
  }

  /** A connection to this node opened {@code ageMs} before {@link #NOW_MS}. */
  public ClientSession connect(String remote, long ageMs) {
    ClientSession session = new ClientSession(remote, "127.0.0.1:7001", NOW_MS - ageMs);
    clients.add(session);
    return session;
  }

  public Reply run(ClientSession session, String... argv) {
    CommandArgs args = CommandArgs.of(argv);
    CommandSpec spec = catalog.lookup(args.name());
    if (spec == null) {
      return ErrorReplies.unknownCommand(args.string(0), args.from(1));
    }
    if (!spec.acceptsArgc(args.argc())) {
      return ErrorReplies.wrongArity(args.name());
    }
    try {
      return ((SessionHandler) spec.handler()).execute(session, this, args);
    } catch (CommandException e) {
      return e.reply();
    }
  }

  /** {@link #run} as {@link ReplyText}. */
  public String text(ClientSession session, String... argv) {
    return ReplyText.of(run(session, argv));
  }

  /** Splits a command line on spaces, for tables whose arguments have none. */
  public static String[] words(String line) {
    return Arrays.stream(line.split(" ")).toArray(String[]::new);
  }

  public void setCluster(ClusterView cluster) {
    this.cluster = cluster;
  }

  public void addFact(String section, String name, String value) {
    facts.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, value);
  }

  private final java.util.List<byte[]> keys = new ArrayList<>();

  /** Adds a key to the node's pretend replica, for the slot subcommands. */
  public void putKey(String key) {
    keys.add(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public long countKeysInSlot(int slot) {
    return keys.stream().filter(k -> SlotHash.slot(k) == slot).count();
  }

  @Override
  public java.util.List<byte[]> keysInSlot(int slot, int count) {
    return keys.stream().filter(k -> SlotHash.slot(k) == slot).limit(count).toList();
  }

  private final java.util.concurrent.atomic.AtomicLong mutableSetting = new java.util.concurrent.atomic.AtomicLong(100);
  private final ConfigTable config = new ConfigTable(java.util.List.of(
      ConfigParameter.fixed("port", "7001"),
      ConfigParameter.fixed("maxmemory", "0"),
      ConfigParameter.fixed("maxmemory-policy", "noeviction"),
      new ConfigParameter("slotraft-snapshot-log-entries", () -> Long.toString(mutableSetting.get()),
          value -> value.matches("\\d+") ? null : "argument couldn't be parsed into a non-negative integer",
          value -> mutableSetting.set(Long.parseLong(value)))));

  @Override
  public ConfigTable config() {
    return config;
  }

  @Override
  public CommandCatalog catalog() {
    return catalog;
  }

  @Override
  public ClusterView cluster() {
    return cluster;
  }

  @Override
  public ServerStats stats() {
    return stats;
  }

  @Override
  public Collection<ClientSession> clients() {
    return clients;
  }

  @Override
  public long nowMs() {
    return NOW_MS;
  }

  @Override
  public Map<String, Map<String, String>> infoFacts() {
    return facts;
  }
}
