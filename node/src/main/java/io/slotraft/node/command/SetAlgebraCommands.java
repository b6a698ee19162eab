package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SINTER, SUNION, SDIFF, their STORE forms, and SINTERCARD. Every key is type-checked, even after
 * an absent one, as in Redis 7; an absent key counts as an empty set. The STORE forms compute the
 * result first and then replace the destination (any type, its expiry dropped), or delete it when
 * the result is empty.
 */
final class SetAlgebraCommands {
  private SetAlgebraCommands() {}

  static Reply sinter(ExecutionContext ctx, CommandArgs args) {
    return SetReplies.of(intersection(sets(ctx, args, 1, args.argc()), Long.MAX_VALUE));
  }

  static Reply sunion(ExecutionContext ctx, CommandArgs args) {
    return SetReplies.members(union(sets(ctx, args, 1, args.argc())));
  }

  static Reply sdiff(ExecutionContext ctx, CommandArgs args) {
    return SetReplies.of(difference(sets(ctx, args, 1, args.argc())));
  }

  static Reply sinterstore(ExecutionContext ctx, CommandArgs args) {
    return store(ctx, args.bytes(1), fromMembers(intersection(sets(ctx, args, 2, args.argc()), Long.MAX_VALUE)));
  }

  static Reply sunionstore(ExecutionContext ctx, CommandArgs args) {
    return store(ctx, args.bytes(1), union(sets(ctx, args, 2, args.argc())));
  }

  static Reply sdiffstore(ExecutionContext ctx, CommandArgs args) {
    return store(ctx, args.bytes(1), fromMembers(difference(sets(ctx, args, 2, args.argc()))));
  }

  /** SINTERCARD numkeys key [key ...] [LIMIT limit]: the intersection's size, counted up to the limit (0: none). */
  static Reply sintercard(ExecutionContext ctx, CommandArgs args) {
    SetCardinalityArgs parsed = SetCardinalityArgs.parse(args);
    List<SetValue> sets = sets(ctx, args, 2, parsed.keysEnd());
    return Replies.integer(intersection(sets, parsed.limit() == 0 ? Long.MAX_VALUE : parsed.limit()).size());
  }

  /** The sets of argv[from, to), null for an absent key; WRONGTYPE for any other type. */
  private static List<SetValue> sets(ExecutionContext ctx, CommandArgs args, int from, int to) {
    List<SetValue> sets = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      sets.add(StoredCollections.read(ctx, args.bytes(i), SetValue.class));
    }
    return sets;
  }

  /** Up to {@code limit} members common to all sets: the smallest set's, in its order. */
  private static List<byte[]> intersection(List<SetValue> sets, long limit) {
    List<byte[]> members = new ArrayList<>();
    if (sets.contains(null)) {
      return members;
    }
    List<SetValue> bySize = new ArrayList<>(sets);
    bySize.sort(Comparator.comparingInt(SetValue::size));
    SetValue smallest = bySize.get(0);
    for (int pos = 0; pos < smallest.size() && members.size() < limit; pos++) {
      byte[] member = smallest.memberAt(pos);
      if (inAll(bySize, member)) {
        members.add(member);
      }
    }
    return members;
  }

  private static boolean inAll(List<SetValue> sets, byte[] member) {
    for (int i = 1; i < sets.size(); i++) {
      if (!sets.get(i).contains(member)) {
        return false;
      }
    }
    return true;
  }

  /** Members of the first set that are in none of the others. */
  private static List<byte[]> difference(List<SetValue> sets) {
    List<byte[]> members = new ArrayList<>();
    SetValue first = sets.get(0);
    if (first == null) {
      return members;
    }
    for (int pos = 0; pos < first.size(); pos++) {
      byte[] member = first.memberAt(pos);
      if (inNone(sets, member)) {
        members.add(member);
      }
    }
    return members;
  }

  private static boolean inNone(List<SetValue> sets, byte[] member) {
    for (int i = 1; i < sets.size(); i++) {
      if (sets.get(i) != null && sets.get(i).contains(member)) {
        return false;
      }
    }
    return true;
  }

  /** A new set of every member of every set, in the order first met. */
  private static SetValue union(List<SetValue> sets) {
    SetValue union = new SetValue();
    for (SetValue set : sets) {
      if (set != null) {
        set.forEachPosition(pos -> addChecked(union, set.memberAt(pos)));
      }
    }
    return union;
  }

  private static SetValue fromMembers(List<byte[]> members) {
    SetValue set = new SetValue();
    for (byte[] member : members) {
      addChecked(set, member);
    }
    return set;
  }

  /** Nothing is stored yet while a result is built, so refusing one too large changes nothing. */
  private static void addChecked(SetValue set, byte[] member) {
    if (!set.hasRoomFor(1, member.length)) {
      throw new CommandException(StoredCollections.TOO_LARGE);
    }
    set.add(member);
  }

  private static Reply store(ExecutionContext ctx, byte[] destination, SetValue result) {
    if (result.size() == 0) {
      ctx.keyspace().delete(destination, ctx.nowMs());
    } else {
      ctx.keyspace().put(destination, result, 0);
    }
    return Replies.integer(result.size());
  }
}
