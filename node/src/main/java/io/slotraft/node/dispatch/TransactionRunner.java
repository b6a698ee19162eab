package io.slotraft.node.dispatch;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.MultiState.QueuedCommand;
import io.slotraft.node.session.MultiState;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.statemachine.KeyWatch;
import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH, and the queuing in between, as Redis Cluster does them:
 *
 * <ul>
 *   <li>Queuing checks what can be checked at once (the command exists, its arity, that it is
 *       allowed in a transaction, that its keys share a slot this node leads); a failure answers its
 *       error and makes EXEC abort with EXECABORT, as in Redis.
 *   <li>EXEC requires every key of the transaction in one slot (else CROSSSLOT) and every watched key
 *       in the same shard; the transaction is discarded in either case, as Redis Cluster does.
 *   <li>The keyspace commands, reads included, go into ONE log entry with the watched keys and the
 *       applied index each was watched at; every replica decides alike whether a watched key changed
 *       (then nothing runs and EXEC answers a null array). Errors of single commands at run time are
 *       their own replies; the others still run.
 *   <li>Commands that are not about the keyspace (PING, CLIENT, CONFIG ...) run on this node when
 *       EXEC's entry has applied, in their place in the reply.
 * </ul>
 */
final class TransactionRunner {
  static final Reply NESTED = Replies.error("ERR MULTI calls can not be nested");
  static final Reply EXEC_WITHOUT_MULTI = Replies.error("ERR EXEC without MULTI");
  static final Reply DISCARD_WITHOUT_MULTI = Replies.error("ERR DISCARD without MULTI");
  static final Reply WATCH_INSIDE_MULTI = Replies.error("ERR WATCH inside MULTI is not allowed");
  static final Reply NOT_ALLOWED = Replies.error("ERR Command not allowed inside a transaction");
  static final Reply EXECABORT = Replies.error("EXECABORT Transaction discarded because of previous errors.");
  static final Reply NO_LEADER_HERE = Replies.error(
      "TRYAGAIN this node does not lead the shard the transaction would run on; retry on its leader");

  /** What Redis runs at once even inside MULTI; everything else is queued. */
  private static final Set<String> RUN_INSIDE_MULTI = Set.of("exec", "discard", "multi", "watch", "quit", "reset");

  /** Runs a command that is not a keyspace command (a session command), as the dispatcher would. */
  @FunctionalInterface
  interface NodeSide {
    CompletableFuture<Reply> run(CommandSpec spec, ClientSession session, CommandArgs args);
  }

  private final KeyRouting routing;
  private final NodeSide nodeSide;

  TransactionRunner(KeyRouting routing, NodeSide nodeSide) {
    this.routing = routing;
    this.nodeSide = nodeSide;
  }

  /** Whether {@code spec}, sent by a client in MULTI, is to be queued rather than run now. */
  static boolean queues(MultiState multi, CommandSpec spec) {
    return multi.isOpen() && !RUN_INSIDE_MULTI.contains(spec.name());
  }

  CompletableFuture<Reply> run(TransactionVerb verb, ClientSession session, CommandArgs args) {
    MultiState multi = session.multi();
    switch (verb) {
      case MULTI:
        if (multi.isOpen()) {
          return done(NESTED);
        }
        multi.open();
        return done(Replies.OK);
      case DISCARD:
        if (!multi.isOpen()) {
          return done(DISCARD_WITHOUT_MULTI);
        }
        multi.end();
        return done(Replies.OK);
      case UNWATCH:
        multi.unwatch();
        return done(Replies.OK);
      case WATCH:
        return multi.isOpen() ? done(WATCH_INSIDE_MULTI) : watch(multi, args);
      case EXEC:
        return exec(session, multi);
      default:
        throw new IllegalStateException("unknown transaction verb " + verb);
    }
  }

  /** Queues a command sent inside MULTI, or answers why it cannot be (and dooms the transaction). */
  Reply queue(MultiState multi, CommandSpec spec, CommandArgs args) {
    Reply refusal = queueRefusal(spec, args);
    if (refusal != null) {
      multi.markDirty();
      return refusal;
    }
    multi.queue(spec, args);
    return Replies.QUEUED;
  }

  private Reply queueRefusal(CommandSpec spec, CommandArgs args) {
    if (spec.has(CommandFlag.NO_MULTI)) {
      return NOT_ALLOWED;
    }
    List<byte[]> keys = spec.keys().keys(args.argv());
    if (keys.isEmpty()) {
      return null;
    }
    int slot = KeySlot.of(keys);
    if (slot == KeySlot.CROSS) {
      return new RoutingReply.CrossSlot();
    }
    return leaderFor(slot).isPresent() ? null : notLedHere(slot);
  }

  /** WATCH: records, for each key, the applied index and clock of the leader after a ReadIndex barrier. */
  private CompletableFuture<Reply> watch(MultiState multi, CommandArgs args) {
    List<byte[]> keys = args.argv().subList(1, args.argv().size());
    int slot = KeySlot.of(keys);
    if (slot == KeySlot.CROSS) {
      return done(new RoutingReply.CrossSlot());
    }
    Optional<Shard> shard = leaderFor(slot);
    if (shard.isEmpty()) {
      return done(notLedHere(slot));
    }
    for (KeyWatch earlier : multi.watches()) {
      if (routing.localShard(SlotHash.slot(earlier.key())).orElse(null) != shard.get()) {
        // EXEC checks every watch in one entry of one shard: keys of two shards cannot be watched together.
        return done(new RoutingReply.CrossSlot());
      }
    }
    return shard.get().watchPoint(slot).thenApply(point -> {
      keys.forEach(key -> multi.watch(KeyWatch.of(key, point)));
      return Replies.OK;
    }).exceptionally(failure -> routing.onFailure(failure, false, slot));
  }

  private CompletableFuture<Reply> exec(ClientSession session, MultiState multi) {
    if (!multi.isOpen()) {
      return done(EXEC_WITHOUT_MULTI);
    }
    boolean dirty = multi.isDirty();
    List<QueuedCommand> queued = multi.queued();
    List<KeyWatch> watches = multi.watches();
    multi.end(); // whatever happens next, the transaction and its watches are over
    if (dirty) {
      return done(EXECABORT);
    }
    List<QueuedCommand> keyspaceCommands = queued.stream()
        .filter(command -> command.spec().handler() instanceof KeyspaceHandler).toList();
    if (keyspaceCommands.isEmpty() && watches.isEmpty()) {
      return runNodeSide(session, queued, List.of());
    }
    int slot = transactionSlot(keyspaceCommands, watches);
    if (slot == KeySlot.CROSS) {
      return done(new RoutingReply.CrossSlot());
    }
    Optional<Shard> shard = slot == KeySlot.NONE ? keylessLeader() : leaderFor(slot);
    if (shard.isEmpty()) {
      return done(slot == KeySlot.NONE ? NO_LEADER_HERE : notLedHere(slot));
    }
    for (KeyWatch watch : watches) {
      if (routing.localShard(SlotHash.slot(watch.key())).orElse(null) != shard.get()) {
        return done(new RoutingReply.CrossSlot());
      }
    }
    List<List<byte[]>> argvs = keyspaceCommands.stream().map(command -> command.args().argv()).toList();
    return shard.get().transaction(argvs, watches)
        .thenCompose(reply -> reply instanceof Reply.Array applied
            ? runNodeSide(session, queued, applied.items())
            : done(reply)) // a null array: a watched key changed, nothing ran
        .exceptionally(failure -> routing.onFailure(failure, true, slot));
  }

  /** The one slot of every key of the transaction (queued and watched); {@link KeySlot#NONE} when it has none. */
  private static int transactionSlot(List<QueuedCommand> commands, List<KeyWatch> watches) {
    List<byte[]> keys = new ArrayList<>();
    for (QueuedCommand command : commands) {
      keys.addAll(command.spec().keys().keys(command.args().argv()));
    }
    int slot = KeySlot.of(keys);
    if (slot == KeySlot.NONE && !watches.isEmpty()) {
      // Only keyless commands (or none): the watched keys say which shard checks them.
      slot = SlotHash.slot(watches.get(0).key());
    }
    return slot;
  }

  /**
   * EXEC's reply: the entry's replies for the keyspace commands, in their places, and the node's
   * own commands run now, one after another.
   */
  private CompletableFuture<Reply> runNodeSide(ClientSession session, List<QueuedCommand> queued, List<Reply> applied) {
    Iterator<Reply> fromEntry = applied.iterator();
    List<Reply> replies = new ArrayList<>(queued.size());
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (QueuedCommand command : queued) {
      if (command.spec().handler() instanceof KeyspaceHandler) {
        Reply reply = fromEntry.next();
        chain = chain.thenRun(() -> replies.add(reply));
      } else {
        chain = chain.thenCompose(ignored -> nodeSide.run(command.spec(), session, command.args()))
            .thenAccept(replies::add);
      }
    }
    return chain.thenApply(ignored -> Replies.array(replies));
  }

  private Optional<Shard> leaderFor(int slot) {
    return routing.localShard(slot).filter(Shard::isLeader);
  }

  private Optional<Shard> keylessLeader() {
    return routing.ledKeylessShard();
  }

  /** MOVED to the slot's leader, or TRYAGAIN while there is none. */
  private Reply notLedHere(int slot) {
    return routing.redirect(slot);
  }

  private static CompletableFuture<Reply> done(Reply reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
