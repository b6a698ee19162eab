package io.slotraft.node.command;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Popping the lowest or highest elements of a sorted set now, as ZPOPMIN, ZPOPMAX and ZMPOP do and
 * as BZPOPMIN, BZPOPMAX and BZMPOP do once they stop waiting: those blocking commands live with the
 * node's waiting machinery and call {@link #popFirst} and the reply builders here, so that both
 * kinds pop and answer identically. Pops change the keyspace: call them on the write path only.
 */
public final class ZSetPops {
  /** What a pop took from one key, in popping order (lowest first for MIN, highest first for MAX). */
  public record Popped(byte[] key, List<byte[]> members, List<Double> scores) {}

  private ZSetPops() {}

  /**
   * Pops up to {@code count} elements from the first of {@code keys} that holds a sorted set, as
   * ZMPOP and the blocking pops do. Absent keys are skipped; a key of another type met before a
   * set answers WRONGTYPE (a later one is not looked at). Null when every key is absent. The set is
   * deleted once emptied.
   *
   * @param highest pop the highest scores (MAX) rather than the lowest (MIN)
   * @param count at least 1
   */
  public static Popped popFirst(ExecutionContext ctx, List<byte[]> keys, boolean highest, long count) {
    for (byte[] key : keys) {
      Popped popped = pop(ctx, key, highest, count);
      if (popped != null) {
        return popped;
      }
    }
    return null;
  }

  /** Pops up to {@code count} elements of the set at {@code key}; null when the key is absent. */
  public static Popped pop(ExecutionContext ctx, byte[] key, boolean highest, long count) {
    KeyEntry entry = ctx.lookup(key);
    if (entry == null) {
      return null;
    }
    ZSetValue current = ZSets.valueOf(entry);
    int taken = (int) Math.min(count, current.size());
    if (taken == 0) {
      return new Popped(key, List.of(), List.of());
    }
    ZSetValue zset = ctx.forUpdate(entry, ZSetValue.class);
    int from = highest ? zset.size() - taken : 0;
    List<byte[]> members = new ArrayList<>(taken);
    List<Double> scores = new ArrayList<>(taken);
    zset.forEach(from, from + taken, highest, (member, score) -> {
      members.add(member);
      scores.add(score);
    });
    zset.removeRange(from, from + taken);
    ZSets.deleteIfEmpty(ctx, key, zset);
    return new Popped(key, members, scores);
  }

  /** ZMPOP's and BZMPOP's answer: [key, [[member, score], ...]], nested in RESP2 as well. */
  public static Reply mpopReply(Popped popped) {
    List<Reply> pairs = new ArrayList<>(popped.members().size());
    for (int i = 0; i < popped.members().size(); i++) {
      pairs.add(Replies.array(Replies.bulk(popped.members().get(i)), Replies.dbl(popped.scores().get(i))));
    }
    return Replies.array(Replies.bulk(popped.key()), Replies.array(pairs));
  }

  /** BZPOPMIN's and BZPOPMAX's answer for one popped element: [key, member, score]. */
  public static Reply bzpopReply(Popped popped) {
    if (popped.members().isEmpty()) {
      throw new IllegalArgumentException("nothing was popped");
    }
    return Replies.array(Replies.bulk(popped.key()), Replies.bulk(popped.members().get(0)),
        Replies.dbl(popped.scores().get(0)));
  }

  /** The keys of ZMPOP and BZMPOP must share a slot; see {@link ZSets#checkOneSlot}. */
  public static void checkOneSlot(List<byte[]> keys) {
    ZSets.checkOneSlot(keys);
  }
}
