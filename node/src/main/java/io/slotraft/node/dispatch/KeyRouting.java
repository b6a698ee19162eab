package io.slotraft.node.dispatch;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.command.BlockingCommands;
import io.slotraft.node.command.BlockingTimeout;
import io.slotraft.node.raft.ProposalException;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.routing.LocalTopology;
import io.slotraft.node.routing.ShardRouter;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.statemachine.ClientSequence;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs keyspace commands on the right shard, as Redis Cluster would: all keys of one command must
 * hash to one slot (else CROSSSLOT); the slot's shard must be led here (else MOVED to the leader,
 * or TRYAGAIN when no leader is known), wherever that leader is, hosted here or not. Keyless commands
 * (DBSIZE, SCAN, FLUSHALL ...) run on the shards this node leads ({@link KeylessFanOut}).
 */
public final class KeyRouting {
  static final Reply READONLY_REPLICA = Replies.error("READONLY You can't write against a read only replica.");
  static final Reply UNCERTAIN = Replies.error(
      "ERR leadership changed while the write was in flight; it may or may not have been applied");

  private final ShardRouter router;
  private final LocalTopology topology;
  private final KeylessFanOut keyless;
  private final LeaderWait leaderWait;

  /** Without a timer: TRYAGAIN is answered at once, to every client. */
  public KeyRouting(ShardRouter router, LocalTopology topology) {
    this(router, topology, null, 0);
  }

  /**
   * @param timers runs the checks of commands held while their shard has no leader
   * @param maxLeaderWaitMs how long a Redis client's command waits for a leader before TRYAGAIN
   */
  public KeyRouting(ShardRouter router, LocalTopology topology, ScheduledExecutorService timers, long maxLeaderWaitMs) {
    this.router = router;
    this.topology = topology;
    this.keyless = new KeylessFanOut(router);
    this.leaderWait = new LeaderWait(timers, timers == null ? 0 : maxLeaderWaitMs);
  }

  /** This node's replica of the shard owning {@code slot}, if it hosts one. */
  Optional<Shard> localShard(int slot) {
    return router.localShard(slot);
  }

  /** A shard this node leads, for a transaction of keyless commands only; empty if it leads none. */
  Optional<Shard> ledKeylessShard() {
    return router.localShards().stream().filter(Shard::isLeader).findFirst();
  }

  /**
   * Runs the command, or answers where it must go. A session that {@link ClientSession#holdsWhileLeaderless()
   * holds while leaderless} (a Redis client) does not get TRYAGAIN while an election or transfer is
   * under way: its command waits for the leader ({@link LeaderWait}). Blocking commands are held only
   * after a split or merge moved their slot (their timeout starts again, which beats an error).
   *
   * @param client the write's place in its client's session (exactly-once retries), or null
   */
  CompletableFuture<Reply> execute(CommandSpec spec, ClientSession session, CommandArgs args, ClientSequence client) {
    CompletableFuture<Reply> reply = route(spec, session, args, client);
    if (!session.holdsWhileLeaderless()) {
      return reply;
    }
    // A blocking command is held only when a split or merge moved its slot: it did not block yet, but
    // was woken or refused by the old shard, and meta routes it to the new one within moments.
    return reply.thenCompose(first -> first instanceof RoutingReply.TryAgain again
        && (again.reshaping() || !spec.has(CommandFlag.BLOCKING))
        ? leaderWait.hold(first, () -> route(spec, session, args, client), session::disconnected)
        : CompletableFuture.completedFuture(first));
  }

  private CompletableFuture<Reply> route(CommandSpec spec, ClientSession session, CommandArgs args,
      ClientSequence client) {
    List<byte[]> keys = spec.keys().keys(args.argv());
    if (keys.isEmpty()) {
      Optional<Reply> refusal = refusal(spec, args);
      if (refusal.isPresent()) {
        return CompletableFuture.completedFuture(refusal.get());
      }
      return keyless.execute(spec, session, args, (failure, shard) -> onFailure(failure, spec.isWrite(), -1));
    }
    int slot = KeySlot.of(keys);
    if (slot == KeySlot.CROSS) {
      return CompletableFuture.completedFuture(new RoutingReply.CrossSlot());
    }
    Optional<Shard> local = router.localShard(slot);
    if (local.isEmpty()) {
      return CompletableFuture.completedFuture(redirect(slot));
    }
    Shard shard = local.get();
    if (shard.isLeader()) {
      return onLeader(spec, args, shard, slot, client);
    }
    if (!spec.isWrite() && session.readOnlyReplicaReads() && shard.servesStaleReads()) {
      return CompletableFuture.completedFuture(shard.readLocal(spec, args));
    }
    return CompletableFuture.completedFuture(redirect(slot));
  }

  private CompletableFuture<Reply> onLeader(CommandSpec spec, CommandArgs args, Shard shard, int slot,
      ClientSequence client) {
    // After MOVED and TRYAGAIN, as Redis Cluster redirects before it parses; before the batch.
    Optional<Reply> refusal = refusal(spec, args);
    if (refusal.isPresent()) {
      return CompletableFuture.completedFuture(refusal.get());
    }
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
    return result.exceptionally(failure -> onFailure(failure, mayHaveRun, slot));
  }

  /** The error a write's arguments earn before it is proposed; reads are never refused here. */
  private static Optional<Reply> refusal(CommandSpec spec, CommandArgs args) {
    return spec.isWrite() ? spec.arguments().refusal(args) : Optional.empty();
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
    }).exceptionally(failure -> onFailure(failure, spec.isWrite(), slot));
  }

  /** The reply for a command whose proposal or read failed; {@code write}: whether it may have changed anything. */
  Reply onFailure(Throwable failure, boolean write, int slot) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof ProposalException proposal) {
      switch (proposal.kind()) {
        case NOT_LEADER:
          return slot >= 0 ? redirect(slot) : new RoutingReply.TryAgain(slot, "leader changed, retry");
        case BUSY:
          return new RoutingReply.TryAgain(slot, "shard is busy, retry");
        case UNKNOWN:
          // A read never changed anything, so it can be redirected; a write's outcome is unknown.
          if (!write) {
            return slot >= 0 ? redirect(slot) : new RoutingReply.TryAgain(slot, "leader changed, retry");
          }
          return UNCERTAIN;
        default:
          break;
      }
    }
    return Replies.error("ERR " + cause.getMessage());
  }

  /** To the leader of the slot's shard, wherever it is; TRYAGAIN while none is known (or it is still this node). */
  Reply redirect(int slot) {
    Optional<ClusterMember> leader = topology.leaderOfSlot(slot);
    if (leader.isEmpty() || leader.get().nodeId().equals(topology.self().nodeId())) {
      return new RoutingReply.TryAgain(slot, "no leader for slot " + slot + " yet, retry");
    }
    ClusterMember m = leader.get();
    return new RoutingReply.Moved(slot, router.shardOfSlot(slot).shardId(), m.nodeId(), m.host(), m.respPort(),
        m.grpcPort(), topology.epoch());
  }
}
