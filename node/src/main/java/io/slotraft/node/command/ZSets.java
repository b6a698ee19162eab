package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.List;

/** What the sorted set commands share: finding a key's set (or WRONGTYPE), storing, replies. */
final class ZSets {
  private ZSets() {}

  /** The sorted set at {@code key}, null when absent; any other type answers WRONGTYPE. */
  static ZSetValue find(ExecutionContext ctx, byte[] key) {
    KeyEntry entry = ctx.lookup(key);
    return entry == null ? null : valueOf(entry);
  }

  /**
   * A source of ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD: a sorted set, or, as in
   * Redis, a plain set read as a sorted set whose members all score 1; null when absent; any other
   * type answers WRONGTYPE.
   */
  static ZSetValue findSource(ExecutionContext ctx, byte[] key) {
    KeyEntry entry = ctx.lookup(key);
    if (entry != null && entry.value() instanceof SetValue set) {
      ZSetValue.Builder scored = ZSetValue.builder(set.size());
      set.forEachPosition(pos -> scored.put(set.memberAt(pos), 1));
      return scored.build();
    }
    return entry == null ? null : valueOf(entry);
  }

  static ZSetValue valueOf(KeyEntry entry) {
    if (entry.value() instanceof ZSetValue zset) {
      return zset;
    }
    throw new CommandException(ErrorReplies.WRONG_TYPE);
  }

  /** The entry's set, ready to change in place (copied first if a snapshot holds it). */
  static ZSetValue forUpdate(ExecutionContext ctx, KeyEntry entry) {
    valueOf(entry);
    return ctx.forUpdate(entry, ZSetValue.class);
  }

  /**
   * A score as a stored set keeps it: -0 becomes 0, as in Redis's compact encoding, which holds
   * every set of up to 128 members of up to 64 bytes. (A larger Redis set would keep -0; a result
   * only answered, never stored, keeps it here too, as Redis answers it.)
   */
  static double storedScore(double score) {
    return score + 0.0;
  }

  /** Redis never keeps an empty collection: a set that a command emptied is deleted. */
  static void deleteIfEmpty(ExecutionContext ctx, byte[] key, ZSetValue zset) {
    if (zset.size() == 0) {
      ctx.keyspace().delete(key, ctx.nowMs());
    }
  }

  /**
   * The destination of a *STORE command: replaced whatever its type and expiry, or deleted when the
   * result is empty. Answers the result's size, the reply of every *STORE command.
   */
  static Reply store(ExecutionContext ctx, byte[] key, ZSetValue result) {
    if (result.size() == 0) {
      ctx.keyspace().delete(key, ctx.nowMs());
    } else {
      ctx.keyspace().put(key, result, 0);
    }
    return Replies.integer(result.size());
  }

  /**
   * Positions [from, to) as members, or as member and score pairs: nested in RESP3 and flat in
   * RESP2, as Redis 7 answers WITHSCORES.
   */
  static Reply elements(ZSetValue zset, int from, int to, boolean reverse, boolean withScores) {
    List<Reply> items = new ArrayList<>(Math.max(0, to - from) * (withScores ? 2 : 1));
    zset.forEach(from, to, reverse, (member, score) -> {
      items.add(Replies.bulk(member));
      if (withScores) {
        items.add(Replies.dbl(score));
      }
    });
    return withScores ? new Reply.Pairs(items) : new Reply.Array(items);
  }

  /**
   * Refuses keys in different slots at apply, as Redis Cluster does: the second line behind
   * routing, which sees every counted key (the catalog's keyCount) and answers CROSSSLOT before
   * proposing; an older leader's entry must still never read a key of another shard as absent.
   */
  static void checkOneSlot(List<byte[]> keys) {
    int slot = SlotHash.slot(keys.get(0));
    for (byte[] key : keys) {
      if (SlotHash.slot(key) != slot) {
        throw new CommandException(new RoutingReply.CrossSlot());
      }
    }
  }
}
