package io.slotraft.node.cluster;

import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.ContainerCommand;
import io.slotraft.node.session.NodeServices;
import io.slotraft.node.session.SessionHandler;
import io.slotraft.node.session.Subcommand;
import io.slotraft.proto.SlotHash;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CLUSTER and the subcommands cluster-aware clients and redis-cli use to learn the topology,
 * rendered from the node's {@link ClusterView}. Topology changes go through meta, so the
 * subcommands that change a Redis cluster (MEET, SETSLOT, FAILOVER...) answer an error naming the
 * {@code slotraft-admin} command to use instead ({@link ReshardingRefusals}).
 *
 * <p>COUNTKEYSINSLOT and GETKEYSINSLOT answer from this node's replica of the slot's shard, as a
 * Redis Cluster node answers from its own keys.
 */
public final class ClusterCommands {
  private static final Reply INVALID_SLOT = Replies.error("ERR Invalid slot");
  private static final Reply INVALID_SLOT_OR_COUNT = Replies.error("ERR Invalid slot or number of keys");

  private ClusterCommands() {}

  public static void register(CommandCatalog.Builder b) {
    b.command("cluster", -2).group("cluster").since("3.0.0")
        .summary("Describes the cluster: nodes, shards and slots.")
        .handler(container());
  }

  static ContainerCommand container() {
    List<Subcommand> subcommands = new java.util.ArrayList<>(List.of(
        sub("info", "INFO", 2, "Reports the cluster's state, size and epoch.", "3.0.0",
            (s, node, a) -> Replies.bulk(ClusterInfoFormat.render(roles(node)))),
        sub("myid", "MYID", 2, "Returns this node's id.", "3.0.0",
            (s, node, a) -> Replies.bulk(node.cluster().self().nodeId())),
        sub("myshardid", "MYSHARDID", 2, "Returns the id of the shard this node is shown in.", "7.2.0",
            (s, node, a) -> Replies.bulk(myShardId(node.cluster()))),
        sub("nodes", "NODES", 2, "Describes every node, one line each, in Redis Cluster's format.", "3.0.0",
            (s, node, a) -> Replies.bulk(ClusterNodesFormat.render(roles(node), node.nowMs()))),
        sub("shards", "SHARDS", 2, "Describes every shard: its slots and its nodes.", "7.0.0",
            (s, node, a) -> ClusterShardsFormat.render(roles(node))),
        sub("slots", "SLOTS", 2, "Maps slot ranges to the nodes that serve them.", "3.0.0",
            (s, node, a) -> ClusterSlotsFormat.render(roles(node))),
        sub("keyslot", "KEYSLOT <key>", 3, "Returns the hash slot of a key.", "3.0.0",
            (s, node, args) -> Replies.integer(SlotHash.slot(args.bytes(2)))),
        sub("countkeysinslot", "COUNTKEYSINSLOT <slot>", 3, "Counts the keys of a slot on this node.", "3.0.0",
            ClusterCommands::countKeysInSlot),
        sub("getkeysinslot", "GETKEYSINSLOT <slot> <count>", 4, "Returns up to count keys of a slot.", "3.0.0",
            ClusterCommands::getKeysInSlot)));
    subcommands.addAll(ReshardingRefusals.clusterSubcommands());
    return new ContainerCommand("cluster", subcommands);
  }

  private static Subcommand sub(String name, String usage, int arity, String summary, String since,
      SessionHandler handler) {
    return Subcommand.of(name, usage, arity, summary, since, handler, LOADING, STALE);
  }

  private static ClusterRoles roles(NodeServices node) {
    return ClusterRoles.of(node.cluster());
  }

  /**
   * The shard this node is master of, else the first it replicates, matching where CLUSTER NODES
   * places it. A node holding no replica is, like a Redis master without replicas, alone in a
   * shard of its own; its node id names that shard.
   */
  private static String myShardId(ClusterView view) {
    ClusterRoles roles = ClusterRoles.of(view);
    String self = view.self().nodeId();
    return roles.shards().stream().filter(s -> s.master().nodeId().equals(self)).findFirst()
        .or(() -> roles.shards().stream()
            .filter(s -> s.replicas().stream().anyMatch(r -> r.nodeId().equals(self))).findFirst())
        .map(s -> s.shard().shardId())
        .orElse(self);
  }

  private static Reply countKeysInSlot(ClientSession session, NodeServices node, CommandArgs args) {
    Long slot = slot(args);
    return slot == null ? INVALID_SLOT : Replies.integer(node.countKeysInSlot(slot.intValue()));
  }

  private static Reply getKeysInSlot(ClientSession session, NodeServices node, CommandArgs args) {
    Long slot = slot(args);
    Long count = RedisNumbers.parseLong(args.bytes(3));
    if (slot == null || count == null || count < 0) {
      return INVALID_SLOT_OR_COUNT;
    }
    return Replies.bulkArray(node.keysInSlot(slot.intValue(), (int) Math.min(count, Integer.MAX_VALUE)));
  }

  /** The slot argument, or null when it is not a slot number (Redis answers "Invalid slot"). */
  private static Long slot(CommandArgs args) {
    Long slot = RedisNumbers.parseLong(args.bytes(2));
    return slot == null || slot < 0 || slot >= SlotHash.SLOT_COUNT ? null : slot;
  }
}
