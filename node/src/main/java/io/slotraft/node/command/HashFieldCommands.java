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

/** HSET, HMSET, HSETNX, HDEL, HGET, HMGET, HEXISTS, HLEN and HSTRLEN: commands on named fields. */
final class HashFieldCommands {
  private HashFieldCommands() {}

  static Reply hget(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    return Replies.bulk(hash == null ? null : hash.get(args.bytes(2)));
  }

  /** A field that is absent, or a hash that is, answers nil in its place. */
  static Reply hmget(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    List<byte[]> values = new ArrayList<>(args.argc() - 2);
    for (int i = 2; i < args.argc(); i++) {
      values.add(hash == null ? null : hash.get(args.bytes(i)));
    }
    return Replies.bulkArray(values);
  }

  static Reply hexists(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    return Replies.bool(hash != null && hash.contains(args.bytes(2)));
  }

  static Reply hlen(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    return Replies.integer(hash == null ? 0 : hash.size());
  }

  static Reply hstrlen(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    return Replies.integer(hash == null ? 0 : hash.valueLength(args.bytes(2)));
  }

  /** Answers how many fields were new; a field named twice takes its last value. */
  static Reply hset(ExecutionContext ctx, CommandArgs args) {
    return Replies.integer(setPairs(ctx, args));
  }

  static Reply hmset(ExecutionContext ctx, CommandArgs args) {
    setPairs(ctx, args);
    return Replies.OK;
  }

  static Reply hsetnx(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    if (hash != null && hash.contains(args.bytes(2))) {
      return Replies.ZERO;
    }
    long bytes = (long) args.bytes(2).length + args.bytes(3).length;
    StoredCollections.forAdding(ctx, args.bytes(1), HashValue.class, HashValue::new, 1, bytes)
        .put(args.bytes(2), args.bytes(3));
    return Replies.ONE;
  }

  /** Answers how many of the fields were there; a field named twice counts once. */
  static Reply hdel(ExecutionContext ctx, CommandArgs args) {
    HashValue hash = StoredCollections.forUpdate(ctx, args.bytes(1), HashValue.class);
    if (hash == null) {
      return Replies.ZERO;
    }
    long removed = 0;
    for (int i = 2; i < args.argc(); i++) {
      if (hash.remove(args.bytes(i))) {
        removed++;
      }
    }
    StoredCollections.deleteIfEmpty(ctx, args.bytes(1), hash);
    return Replies.integer(removed);
  }

  /** HSET's and HMSET's argument check: field and value pairs. */
  static void checkPairs(CommandArgs args) {
    if (args.argc() % 2 != 0) {
      throw new CommandException(ErrorReplies.wrongArity(args.name()));
    }
  }

  /** The arity lets "HSET key field" through; Redis answers a missing value as an arity error too. */
  private static long setPairs(ExecutionContext ctx, CommandArgs args) {
    checkPairs(args);
    long bytes = 0;
    for (int i = 2; i < args.argc(); i++) {
      bytes += args.bytes(i).length;
    }
    int pairs = (args.argc() - 2) / 2;
    HashValue hash = StoredCollections.forAdding(ctx, args.bytes(1), HashValue.class, HashValue::new, pairs, bytes);
    long added = 0;
    for (int i = 2; i < args.argc(); i += 2) {
      if (hash.put(args.bytes(i), args.bytes(i + 1))) {
        added++;
      }
    }
    return added;
  }
}
