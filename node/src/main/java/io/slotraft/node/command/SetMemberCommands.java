package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SADD, SREM, SISMEMBER, SMISMEMBER, SCARD, SMEMBERS and SMOVE: commands on named members. */
final class SetMemberCommands {
  private SetMemberCommands() {}

  /** Answers how many members were new; a member named twice counts once. */
  static Reply sadd(ExecutionContext ctx, CommandArgs args) {
    long bytes = 0;
    for (int i = 2; i < args.argc(); i++) {
      bytes += args.bytes(i).length;
    }
    SetValue set = StoredCollections.forAdding(ctx, args.bytes(1), SetValue.class, SetValue::new,
        args.argc() - 2, bytes);
    long added = 0;
    for (int i = 2; i < args.argc(); i++) {
      if (set.add(args.bytes(i))) {
        added++;
      }
    }
    return Replies.integer(added);
  }

  static Reply srem(ExecutionContext ctx, CommandArgs args) {
    SetValue set = StoredCollections.forUpdate(ctx, args.bytes(1), SetValue.class);
    if (set == null) {
      return Replies.ZERO;
    }
    long removed = 0;
    for (int i = 2; i < args.argc(); i++) {
      if (set.remove(args.bytes(i))) {
        removed++;
      }
    }
    StoredCollections.deleteIfEmpty(ctx, args.bytes(1), set);
    return Replies.integer(removed);
  }

  static Reply sismember(ExecutionContext ctx, CommandArgs args) {
    SetValue set = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
    return Replies.bool(set != null && set.contains(args.bytes(2)));
  }

  static Reply smismember(ExecutionContext ctx, CommandArgs args) {
    SetValue set = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
    List<Reply> answers = new ArrayList<>(args.argc() - 2);
    for (int i = 2; i < args.argc(); i++) {
      answers.add(Replies.bool(set != null && set.contains(args.bytes(i))));
    }
    return Replies.array(answers);
  }

  static Reply scard(ExecutionContext ctx, CommandArgs args) {
    SetValue set = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
    return Replies.integer(set == null ? 0 : set.size());
  }

  static Reply smembers(ExecutionContext ctx, CommandArgs args) {
    return SetReplies.members(StoredCollections.read(ctx, args.bytes(1), SetValue.class));
  }

  /**
   * Moves a member from one set to another. Redis answers 0 for an absent source before it looks
   * at the destination's type, and a move within one set only checks membership.
   */
  static Reply smove(ExecutionContext ctx, CommandArgs args) {
    byte[] member = args.bytes(3);
    SetValue source = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
    if (source == null) {
      return Replies.ZERO;
    }
    SetValue destination = StoredCollections.read(ctx, args.bytes(2), SetValue.class);
    if (Arrays.equals(args.bytes(1), args.bytes(2)) || !source.contains(member)) {
      return Replies.bool(source.contains(member));
    }
    if (destination != null && !destination.hasRoomFor(1, member.length)) {
      throw new CommandException(StoredCollections.TOO_LARGE);
    }
    SetValue changed = StoredCollections.forUpdate(ctx, args.bytes(1), SetValue.class);
    changed.remove(member);
    StoredCollections.deleteIfEmpty(ctx, args.bytes(1), changed);
    StoredCollections.forAdding(ctx, args.bytes(2), SetValue.class, SetValue::new, 1, member.length).add(member);
    return Replies.ONE;
  }
}
