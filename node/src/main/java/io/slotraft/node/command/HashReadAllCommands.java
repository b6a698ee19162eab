package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** HKEYS, HVALS, HGETALL and HRANDFIELD: commands that answer many fields of a hash at once. */
final class HashReadAllCommands {
  private static final Reply EMPTY_MAP = new Reply.MapReply(List.of());
  private static final Reply OUT_OF_RANGE = Replies.error("ERR value is out of range");

  private HashReadAllCommands() {}

  static Reply hkeys(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    List<Reply> fields = new ArrayList<>(hash == null ? 0 : hash.size());
    if (hash != null) {
      hash.forEachPosition(pos -> fields.add(Replies.bulk(hash.fieldAt(pos))));
    }
    return Replies.array(fields);
  }

  static Reply hvals(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    List<Reply> values = new ArrayList<>(hash == null ? 0 : hash.size());
    if (hash != null) {
      hash.forEachPosition(pos -> values.add(Replies.bulk(hash.valueAt(pos))));
    }
    return Replies.array(values);
  }

  /** A map in RESP3, a flat field, value, field, value ... array in RESP2. */
  static Reply hgetall(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    if (hash == null) {
      return EMPTY_MAP;
    }
    List<Reply> pairs = new ArrayList<>(2 * hash.size());
    hash.forEachPosition(pos -> addPair(pairs, hash, pos, true));
    return new Reply.MapReply(pairs);
  }

  /**
   * HRANDFIELD key [count [WITHVALUES]]. A positive count asks for distinct fields (all of them
   * when it is at least the size), a negative one for that many picks with repeats. Redis checks
   * the count, then the syntax, then the key.
   *
   * <p>With WITHVALUES the reply is the flat field, value ... array in both protocols, where Redis
   * 7 sends RESP3 clients an array of [field, value] pairs: the reply types have no such form yet.
   */
  static Reply hrandfield(ExecutionContext ctx, CommandArgs args) {
    if (args.argc() == 2) {
      HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
      return hash == null ? Replies.NIL : Replies.bulk(hash.fieldAt(ctx.random().nextInt(hash.size())));
    }
    long count = RandomPicks.count(args, 2);
    boolean withValues = args.argc() == 4;
    if (args.argc() > 4 || withValues && !args.is(3, "WITHVALUES")) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    // Redis refuses what would overflow its count of reply items; kept for the same answer.
    if (withValues && -count > Long.MAX_VALUE / 2) {
      throw new CommandException(OUT_OF_RANGE);
    }
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    if (hash == null || count == 0) {
      return Replies.EMPTY_ARRAY;
    }
    int[] picks = count < 0 ? RandomPicks.withRepeats(ctx.random(), hash.size(), -count)
        : RandomPicks.distinct(ctx.random(), hash.size(), (int) Math.min(count, hash.size()));
    List<Reply> items = new ArrayList<>(withValues ? 2 * picks.length : picks.length);
    for (int pos : picks) {
      addPair(items, hash, pos, withValues);
    }
    return Replies.array(items);
  }

  private static void addPair(List<Reply> items, HashValue hash, int pos, boolean withValue) {
    items.add(Replies.bulk(hash.fieldAt(pos)));
    if (withValue) {
      items.add(Replies.bulk(hash.valueAt(pos)));
    }
  }
}
