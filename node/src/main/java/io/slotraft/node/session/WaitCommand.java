package io.slotraft.node.session;

import static io.slotraft.node.catalog.CommandFlag.NOSCRIPT;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.ShardView;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * WAIT numreplicas timeout. Under Raft there is nothing to wait for: a write is acknowledged only
 * once it is in the log of a majority, so every acknowledged write is already held by at least a
 * majority minus the leader of the other replicas. WAIT answers that number at once, whatever was
 * asked; it never claims more replicas than Raft guarantees.
 */
public final class WaitCommand {
  static final Reply ON_REPLICA = Replies.error("ERR WAIT cannot be used with replica instances. Please also note "
      + "that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to "
      + "replicas are just local and are not propagated.");

  private WaitCommand() {}

  public static void register(CommandCatalog.Builder b) {
    b.command("wait", 3).flags(NOSCRIPT).group("generic").since("3.0.0")
        .summary("Returns how many replicas hold every write acknowledged so far (a Raft majority).")
        .handler((SessionHandler) WaitCommand::waitForReplicas);
  }

  private static Reply waitForReplicas(ClientSession session, NodeServices node, CommandArgs args) {
    args.longArg(1);
    if (args.longArg(2) < 0) {
      return Replies.error("ERR timeout is negative");
    }
    ClusterView view = node.cluster();
    String self = view.self().nodeId();
    ShardView led = view.shards().stream().filter(s -> self.equals(s.leaderNodeId())).findFirst().orElse(null);
    if (led == null) {
      return ON_REPLICA;
    }
    int voters = led.replicaNodeIds().size();
    return Replies.integer(voters / 2);
  }
}
