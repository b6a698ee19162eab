package io.slotraft.node.cluster;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.SessionHandler;
import io.slotraft.node.session.Subcommand;
import java.util.List;

/**
 * Redis Cluster's commands that reshape a cluster by hand (CLUSTER SETSLOT, ADDSLOTS, MEET,
 * REPLICATE, FAILOVER..., and MIGRATE, which moves keys one at a time) answer an error naming the
 * {@code slotraft-admin} command that does the same through meta. So do {@code redis-cli --cluster
 * reshard} and {@code rebalance}, which send SETSLOT: an operator learns where to go instead of
 * reading "unknown subcommand". Nothing here changes anything.
 */
public final class ReshardingRefusals {
  static final String SLOTS = "slots change shards by splitting one in place: `slotraft-admin split SHARD "
      + "[--at SLOT]`, or by merging two neighbours: `slotraft-admin merge TARGET SOURCE --yes`; then "
      + "`slotraft-admin rebalance --yes` spreads the shards over the nodes";
  static final String NODES = "nodes join by starting with --members (or `deploy/local-cluster.sh add-node`) "
      + "and leave with `slotraft-admin drain NODE --yes` then `slotraft-admin remove-node NODE --yes`";
  static final String REPLICAS = "replicas move with `slotraft-admin move-replica SHARD FROM TO`";
  static final String LEADERS = "leadership moves with `slotraft-admin set-preferred-leader SHARD NODE`";
  static final String CONFIGURATION = "the configuration lives in meta (a Raft group) and changes only "
      + "through `slotraft-admin`";

  private ReshardingRefusals() {}

  /** CLUSTER subcommands that would change the cluster, each refused with where to go instead. */
  static List<Subcommand> clusterSubcommands() {
    return List.of(
        refused("setslot", "SETSLOT <slot> <IMPORTING|MIGRATING|NODE|STABLE> [node-id]", -4, SLOTS),
        refused("addslots", "ADDSLOTS <slot> [slot ...]", -3, SLOTS),
        refused("addslotsrange", "ADDSLOTSRANGE <start> <end> [<start> <end> ...]", -4, SLOTS),
        refused("delslots", "DELSLOTS <slot> [slot ...]", -3, SLOTS),
        refused("delslotsrange", "DELSLOTSRANGE <start> <end> [<start> <end> ...]", -4, SLOTS),
        refused("flushslots", "FLUSHSLOTS", 2, SLOTS),
        refused("meet", "MEET <ip> <port> [cluster-bus-port]", -4, NODES),
        refused("forget", "FORGET <node-id>", 3, NODES),
        refused("replicate", "REPLICATE <node-id>", 3, REPLICAS),
        refused("failover", "FAILOVER [FORCE|TAKEOVER]", -2, LEADERS),
        refused("reset", "RESET [HARD|SOFT]", -2, CONFIGURATION),
        refused("saveconfig", "SAVECONFIG", 2, CONFIGURATION),
        refused("set-config-epoch", "SET-CONFIG-EPOCH <epoch>", 3, CONFIGURATION),
        refused("bumpepoch", "BUMPEPOCH", 2, CONFIGURATION));
  }

  /** MIGRATE, which Redis Cluster's resharding uses to move keys one at a time. */
  public static void register(CommandCatalog.Builder b) {
    b.command("migrate", -6).flags(CommandFlag.LOADING, CommandFlag.STALE).group("keyspace").since("2.6.0")
        .summary("Not offered: keys change shards by a split in place or a merge (slotraft-admin split, merge).")
        .handler((SessionHandler) (session, node, args) -> refusal("MIGRATE", SLOTS));
  }

  private static Subcommand refused(String name, String usage, int arity, String instead) {
    String upper = "CLUSTER " + name.toUpperCase(java.util.Locale.ROOT);
    return Subcommand.of(name, usage, arity, "Not offered: " + instead + ".", "3.0.0",
        (session, node, args) -> refusal(upper, instead), CommandFlag.LOADING, CommandFlag.STALE);
  }

  static Reply refusal(String command, String instead) {
    return Replies.error("ERR " + command + " is not supported: Slotraft reshapes the cluster through meta, never "
        + "slot by slot or key by key; " + instead);
  }
}
