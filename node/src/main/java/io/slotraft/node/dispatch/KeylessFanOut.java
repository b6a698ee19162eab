package io.slotraft.node.dispatch;

import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.routing.MasterShards;
import io.slotraft.node.routing.ShardRouter;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.shard.Shard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * Keyless keyspace commands (DBSIZE, KEYS, SCAN, RANDOMKEY, FLUSHALL, FLUSHDB) answered as a Redis
 * Cluster node answers them: reads for the keys of {@link MasterShards} (the shards it leads, or
 * for a node that is one leader's replica, the copies it holds), so that clients which add up
 * DBSIZE or walk SCAN over all masters (redis-cli --cluster, Lettuce, JedisCluster) count each key
 * once. A connection that sent READONLY reads every local replica, followers from what they have
 * applied (stale), as a Redis replica serves it. Writes (FLUSHALL) act on led shards only; a node
 * leading none answers as a read-only replica.
 *
 * <p>SCAN's cursor covers several local shards: bits 0-39 are the cursor of one shard's keyspace
 * table (below 2^31), bits 40-63 the position of that shard among this node's replicas in slot
 * order, which is fixed while the node runs. A shard that is not eligible when the cursor reaches
 * it (no longer led) is skipped. Cursor 0 starts at the first shard and is returned at the end.
 */
final class KeylessFanOut {
  static final int SHARD_SHIFT = 40;
  private static final long INNER_MASK = (1L << SHARD_SHIFT) - 1;
  private static final Reply INVALID_CURSOR = Replies.error("ERR invalid cursor");

  /** How the node's answer is made from its shards' answers. */
  enum Merge {
    /** Integers added up (DBSIZE). */
    SUM,
    /** Arrays joined (KEYS). */
    CONCAT,
    /** One of the non-nil answers, at random (RANDOMKEY). */
    ANY,
    /** OK when every shard answered OK, else the first error (FLUSHALL, FLUSHDB). */
    ALL_OK,
    /** One shard at a time, the position in the cursor (SCAN). */
    SCAN
  }

  private static final Map<String, Merge> MERGES = Map.of(
      "dbsize", Merge.SUM, "keys", Merge.CONCAT, "randomkey", Merge.ANY,
      "flushall", Merge.ALL_OK, "flushdb", Merge.ALL_OK, "scan", Merge.SCAN);

  private final ShardRouter router;

  KeylessFanOut(ShardRouter router) {
    this.router = router;
  }

  /** The merge of a keyless keyspace command; every one must have one (a test walks the catalog). */
  static Merge mergeOf(CommandSpec spec) {
    Merge merge = MERGES.get(spec.name());
    if (merge == null) {
      throw new IllegalStateException("keyless command " + spec.name() + " has no rule for merging shards' answers");
    }
    return merge;
  }

  /**
   * @param onFailure turns a shard's failed future into the reply for that shard
   */
  CompletableFuture<Reply> execute(CommandSpec spec, ClientSession session, CommandArgs args,
      BiFunction<Throwable, Shard, Reply> onFailure) {
    Merge merge = mergeOf(spec);
    List<Shard> shards = eligible(spec, session);
    if (spec.isWrite() && shards.isEmpty()) {
      return CompletableFuture.completedFuture(KeyRouting.READONLY_REPLICA);
    }
    if (merge == Merge.SCAN) {
      return scan(spec, args, session, shards, onFailure);
    }
    List<CompletableFuture<Reply>> replies = shards.stream().map(shard -> run(shard, spec, args, session, onFailure)).toList();
    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
        .thenApply(done -> merge(merge, replies.stream().map(CompletableFuture::join).toList()));
  }

  /** The local replicas this command acts on, in slot order. */
  private List<Shard> eligible(CommandSpec spec, ClientSession session) {
    if (spec.isWrite()) {
      return router.localShards().stream().filter(Shard::isLeader).toList();
    }
    return session.readOnlyReplicaReads() ? List.copyOf(router.localShards()) : MasterShards.of(router.localShards());
  }

  private static CompletableFuture<Reply> run(Shard shard, CommandSpec spec, CommandArgs args, ClientSession session,
      BiFunction<Throwable, Shard, Reply> onFailure) {
    CompletableFuture<Reply> reply;
    if (spec.isWrite()) {
      reply = shard.write(args.argv());
    } else if (shard.isLeader() || !session.readOnlyReplicaReads() || !shard.servesStaleReads()) {
      // Linearizable: ReadIndex, which a follower asks of its leader (a replica node's reads).
      reply = shard.read(spec, args);
    } else {
      // READONLY: what this replica has applied, possibly stale, as Redis replicas serve reads.
      reply = CompletableFuture.completedFuture(shard.readLocal(spec, args));
    }
    return reply.exceptionally(failure -> onFailure.apply(failure, shard));
  }

  static Reply merge(Merge merge, List<Reply> replies) {
    for (Reply reply : replies) {
      // An error, or a shard that is not led here any more (TRYAGAIN, MOVED: a hand-over under way):
      // the whole answer is that, never a sum that silently leaves a shard out.
      if (reply instanceof Reply.Error || reply instanceof RoutingReply) {
        return reply;
      }
    }
    switch (merge) {
      case SUM:
        return Replies.integer(replies.stream().mapToLong(reply -> ((Reply.Int) reply).value()).sum());
      case CONCAT:
        List<Reply> items = new ArrayList<>();
        replies.forEach(reply -> items.addAll(((Reply.Array) reply).items()));
        return Replies.array(items);
      case ANY:
        List<Reply> found = replies.stream().filter(reply -> !(reply instanceof Reply.Nil)).toList();
        return found.isEmpty() ? Replies.NIL : found.get(ThreadLocalRandom.current().nextInt(found.size()));
      case ALL_OK:
        return Replies.OK;
      default:
        throw new IllegalStateException("not a merge of whole answers: " + merge);
    }
  }

  private CompletableFuture<Reply> scan(CommandSpec spec, CommandArgs args, ClientSession session, List<Shard> eligible,
      BiFunction<Throwable, Shard, Reply> onFailure) {
    long cursor;
    try {
      cursor = Long.parseUnsignedLong(args.string(1));
    } catch (NumberFormatException e) {
      return CompletableFuture.completedFuture(INVALID_CURSOR);
    }
    List<Shard> local = List.copyOf(router.localShards());
    int position = nextEligible(local, (int) Math.min(cursor >>> SHARD_SHIFT, local.size()), eligible);
    if (position >= local.size()) {
      return CompletableFuture.completedFuture(scanReply(0, List.of()));
    }
    long inner = position == cursor >>> SHARD_SHIFT ? cursor & INNER_MASK : 0;
    Shard shard = local.get(position);
    List<byte[]> argv = new ArrayList<>(args.argv());
    argv.set(1, Long.toString(inner).getBytes(StandardCharsets.UTF_8));
    CommandArgs shardArgs = new CommandArgs(argv);
    return run(shard, spec, shardArgs, session, onFailure).thenApply(reply -> {
      if (!(reply instanceof Reply.Array page)) {
        return reply; // an error: bad COUNT, TYPE, MATCH ...
      }
      long next = Long.parseUnsignedLong(new String(((Reply.Bulk) page.items().get(0)).value(), StandardCharsets.UTF_8));
      if (next > INNER_MASK) {
        throw new IllegalStateException("a shard's SCAN cursor " + next + " does not fit in " + SHARD_SHIFT + " bits");
      }
      long combined = next != 0 ? ((long) position << SHARD_SHIFT) | next : following(local, position, eligible);
      return Replies.array(Replies.bulk(Long.toUnsignedString(combined)), page.items().get(1));
    });
  }

  /** The cursor that starts the next eligible shard after {@code position}, or 0 when none is left. */
  private static long following(List<Shard> local, int position, List<Shard> eligible) {
    int next = nextEligible(local, position + 1, eligible);
    return next >= local.size() ? 0 : (long) next << SHARD_SHIFT;
  }

  private static int nextEligible(List<Shard> local, int from, List<Shard> eligible) {
    int position = from;
    while (position < local.size() && !eligible.contains(local.get(position))) {
      position++;
    }
    return position;
  }

  private static Reply scanReply(long cursor, List<Reply> keys) {
    return Replies.array(Replies.bulk(Long.toUnsignedString(cursor)), Replies.array(keys));
  }
}
