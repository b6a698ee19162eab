package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * SPOP and SRANDMEMBER. SPOP is a write: its picks come from the generator the leader seeded, so
 * every replica removes the same members. Redis checks the syntax, then the count, then the key.
 */
final class SetRandomCommands {
  private static final Reply NOT_POSITIVE = Replies.error("ERR value is out of range, must be positive");

  private SetRandomCommands() {}

  /** SPOP's count, -1 without one; its argument check too. */
  static long spopCount(CommandArgs args) {
    if (args.argc() > 3) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return args.argc() == 3 ? positiveCount(args.bytes(2)) : -1;
  }

  static Reply spop(ExecutionContext ctx, CommandArgs args) {
    long count = spopCount(args);
    SetValue set = StoredCollections.forUpdate(ctx, args.bytes(1), SetValue.class);
    if (set == null) {
      return count < 0 ? Replies.NIL : SetReplies.EMPTY;
    }
    if (count < 0) {
      int pos = ctx.random().nextInt(set.size());
      byte[] member = set.memberAt(pos);
      set.removeAt(pos);
      StoredCollections.deleteIfEmpty(ctx, args.bytes(1), set);
      return Replies.bulk(member);
    }
    if (count >= set.size()) {
      Reply all = SetReplies.members(set);
      ctx.keyspace().delete(args.bytes(1), ctx.nowMs());
      return all;
    }
    int[] picks = RandomPicks.distinct(ctx.random(), set.size(), (int) count);
    List<byte[]> members = new ArrayList<>(picks.length);
    for (int pos : picks) {
      members.add(set.memberAt(pos));
    }
    // By member, not by position: each removal moves the last member into the hole.
    for (byte[] member : members) {
      set.remove(member);
    }
    StoredCollections.deleteIfEmpty(ctx, args.bytes(1), set);
    return SetReplies.of(members);
  }

  /** A positive count asks for distinct members, a negative one for that many picks with repeats. */
  static Reply srandmember(ExecutionContext ctx, CommandArgs args) {
    if (args.argc() > 3) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    if (args.argc() == 2) {
      SetValue set = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
      return set == null ? Replies.NIL : Replies.bulk(set.memberAt(ctx.random().nextInt(set.size())));
    }
    long count = RandomPicks.count(args, 2);
    SetValue set = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
    if (set == null || count == 0) {
      return Replies.EMPTY_ARRAY;
    }
    int[] picks = count < 0 ? RandomPicks.withRepeats(ctx.random(), set.size(), -count)
        : RandomPicks.distinct(ctx.random(), set.size(), (int) Math.min(count, set.size()));
    List<Reply> members = new ArrayList<>(picks.length);
    for (int pos : picks) {
      members.add(Replies.bulk(set.memberAt(pos)));
    }
    return Replies.array(members);
  }

  /** SPOP's count: Redis answers one error for a negative count and for no integer at all. */
  private static long positiveCount(byte[] text) {
    Long count = RedisNumbers.parseLong(text);
    if (count == null || count < 0) {
      throw new CommandException(NOT_POSITIVE);
    }
    return count;
  }
}
