package io.slotraft.node.dispatch;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.command.BlockingCommands;
import io.slotraft.node.command.BlockingTimeout;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.raft.ProposalException;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.routing.LocalTopology;
import io.slotraft.node.routing.ShardRouter;
import io.slotraft.node.routing.SlotHash;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.statemachine.ClientSequence;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs keyspace commands on the right shard, as Redis Cluster would: all keys of one command must
 * hash to one slot (else CROSSSLOT); the slot's shard must be led here (else MOVED to the leader,
 * or TRYAGAIN when no leader is known). Keyless commands (DBSIZE, SCAN, FLUSHALL ...) run on the
 * shards this node hosts.
 */
public final class KeyRouting {
  static final Reply READONLY_REPLICA = Replies.error("READONLY You can't write against a read only replica.");
  static final Reply UNCERTAIN = Replies.error(
      "ERR leadership changed while the write was in flight; it may or may not have been applied");

  private final ShardRouter router;
  private final LocalTopology topology;

  public KeyRouting(ShardRouter router, LocalTopology topology) {
    this.router = router;
    this.topology = topology;
  }

  /** This node's replica of the shard owning {@code slot}, if it hosts one. */
  Optional<Shard> localShard(int slot) {
    return router.localShard(slot);
  }

  /** A shard for keyless work: today every node hosts exactly one. */
  Shard keylessShard() {
    return router.localShards().iterator().next();
  }

  /** @param client the write's place in its client's session (exactly-once retries), or null */
  CompletableFuture<Reply> execute(CommandSpec spec, ClientSession session, CommandArgs args, ClientSequence client) {
    List<byte[]> keys = spec.keys().keys(args.argv());
    if (keys.isEmpty()) {
      return executeKeyless(spec, args);
    }
    int slot = SlotHash.slot(keys.get(0));
    for (int i = 1; i < keys.size(); i++) {
      if (SlotHash.slot(keys.get(i)) != slot) {
        return CompletableFuture.completedFuture(new RoutingReply.CrossSlot());
      }
    }
    Optional<Shard> local = router.localShard(slot);
    if (local.isEmpty()) {
      return CompletableFuture.completedFuture(new RoutingReply.TryAgain(slot, "slot " + slot + " is not served here"));
    }
    Shard shard = local.get();
    if (shard.isLeader()) {
      return onLeader(spec, args, shard, slot, client);
    }
    if (!spec.isWrite() && session.readOnlyReplicaReads()) {
      return CompletableFuture.completedFuture(shard.readLocal(spec, args));
    }
    return CompletableFuture.completedFuture(redirect(shard, slot));
  }

  private CompletableFuture<Reply> onLeader(CommandSpec spec, CommandArgs args, Shard shard, int slot,
      ClientSequence client) {
    if (spec.has(CommandFlag.BLOCKING)) {
      long timeoutMs = BlockingTimeout.millis(args);
      long deadline = timeoutMs == 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMs * 1_000_000;
      return popOrWait(spec, args, shard, slot, BlockingCommands.watchedKeys(args), deadline);
    }
    CompletableFuture<Reply> result = !spec.isWrite() ? shard.read(spec, args)
        : client == null ? shard.write(args.argv()) : shard.write(args.argv(), client);
    // A write with a client sequence is applied once however often it is sent: when its fate is
    // unknown, the client may simply send it again, so it gets a redirect rather than "uncertain".
    boolean mayHaveRun = spec.isWrite() && client == null;
    return result.exceptionally(failure -> onFailure(failure, mayHaveRun, shard, slot));
  }

  /**
   * A blocking pop: proposes the pop; if there was nothing to pop, waits (without any log entry)
   * until a watched key holds a value or the deadline passes, then tries again.
   */
  private CompletableFuture<Reply> popOrWait(CommandSpec spec, CommandArgs args, Shard shard, int slot,
      List<byte[]> watched, long deadline) {
    return shard.write(args.argv()).thenCompose(reply -> {
      long left = deadline == Long.MAX_VALUE ? 0 : (deadline - System.nanoTime()) / 1_000_000;
      if (!(reply instanceof Reply.Nil) || (deadline != Long.MAX_VALUE && left <= 0)) {
        return CompletableFuture.completedFuture(reply);
      }
      return shard.blocked().await(watched, deadline == Long.MAX_VALUE ? 0 : Math.max(1, left))
          .thenCompose(woken -> woken
              ? popOrWait(spec, args, shard, slot, watched, deadline)
              : CompletableFuture.completedFuture(reply));
    }).exceptionally(failure -> onFailure(failure, spec, shard, slot));
  }

  private CompletableFuture<Reply> executeKeyless(CommandSpec spec, CommandArgs args) {
    // One shard per node today; with many, keyless commands will fan out over the local shards.
    Shard shard = keylessShard();
    if (spec.isWrite()) {
      if (!shard.isLeader()) {
        return CompletableFuture.completedFuture(READONLY_REPLICA);
      }
      return shard.write(args.argv()).exceptionally(failure -> onFailure(failure, spec, shard, -1));
    }
    // ReadIndex also works on a follower (it asks the leader), so keyless reads stay linearizable.
    return shard.read(spec, args).exceptionally(failure -> onFailure(failure, spec, shard, -1));
  }

  Reply onFailure(Throwable failure, CommandSpec spec, Shard shard, int slot) {
    return onFailure(failure, spec.isWrite(), shard, slot);
  }

  /** The reply for a command whose proposal or read failed; {@code write}: whether it may have changed anything. */
  Reply onFailure(Throwable failure, boolean write, Shard shard, int slot) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof ProposalException proposal) {
      switch (proposal.kind()) {
        case NOT_LEADER:
          return slot >= 0 ? redirect(shard, slot) : new RoutingReply.TryAgain(slot, "leader changed, retry");
        case BUSY:
          return new RoutingReply.TryAgain(slot, "shard is busy, retry");
        case UNKNOWN:
          // A read never changed anything, so it can be redirected; a write's outcome is unknown.
          if (!write) {
            return slot >= 0 ? redirect(shard, slot) : new RoutingReply.TryAgain(slot, "leader changed, retry");
          }
          return UNCERTAIN;
        default:
          break;
      }
    }
    return Replies.error("ERR " + cause.getMessage());
  }

  Reply redirect(Shard shard, int slot) {
    Optional<ClusterMember> leader = topology.leaderOf(shard);
    if (leader.isEmpty() || leader.get().nodeId().equals(topology.self().nodeId())) {
      return new RoutingReply.TryAgain(slot, "no leader for slot " + slot + " yet, retry");
    }
    ClusterMember m = leader.get();
    return new RoutingReply.Moved(slot, shard.id().id(), m.nodeId(), m.host(), m.respPort(), m.grpcPort(),
        topology.epoch());
  }
}
